#!/usr/bin/env python3
"""Run the Axelrod library's own tournaments on the fields of Kindest's tournament experiments,
as test data for their checks (tests/experiments/test_stewart_plotkin_2012.cpp,
test_full_library_noise.cpp) and for the side-by-side timing in bench/README.md.

Why: a tournament of stochastic strategies cannot be compared match for match, but each
player's mean score per turn (and so the ranking) can, within Monte-Carlo error; the library's
figures come from running it here, from its source. Run it with the library's source on
PYTHONPATH and Debian's Python (as for make_axelrod_matches.py):

    PYTHONPATH=/path/to/Axelrod /usr/bin/python3 tests/data/make_axelrod_tournaments.py \\
        stewart_plotkin [--repetitions 200]
    PYTHONPATH=/path/to/Axelrod /usr/bin/python3 tests/data/make_axelrod_tournaments.py \\
        full_library_noise [--repetitions 20] [--processes 2]

Fields and settings (the experiments' own):
  stewart_plotkin     experiments/stewart_plotkin_2012.ini: the 19 players of Stewart & Plotkin
                      (2012) as the library's overview of past tournaments names them (the list
                      of strategies/groups.cpp's @stewart_plotkin), 200 turns, no noise.
  full_library_noise  experiments/full_library_noise.ini: every named strategy of
                      docs/STRATEGIES.md that the library has (the ids are its class names),
                      200 turns, noise 0.05.
Both: (R, S, T, P) = (3, 0, 5, 1), self-interactions played (as the library always does) but
left out of the scores, the library's Tournament class with seed 1.

Output (tests/data/axelrod_tournament_<field>.txt): a header of '#' lines (settings, library
version, wall and CPU time), then one line per player in the library's ranking order (median
normalised score over repetitions, best first):

    <id> <library rank> <mean> <standard error> <median>

mean = the player's normalised score (mean score per turn against the other players, itself
excluded) averaged over repetitions -- Kindest's mean_score_per_turn --, standard error = its
standard deviation over repetitions / sqrt(repetitions), median = what the library ranks by.
"""
import argparse
import pathlib
import time

import axelrod as axl

from make_axelrod_matches import kindest_rows, library_class, mean_and_error

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TURNS = 200

STEWART_PLOTKIN = [
    "Cooperator", "Defector", "ZDExtort2", "HardGoByMajority", "FirstByJoss", "HardTitForTat",
    "HardTitFor2Tats", "TitForTat", "Grudger", "GTFT", "TitFor2Tats", "WinStayLoseShift", "Random",
    "ZDGTFT2", "Calculator", "Prober", "Prober2", "Prober3", "HardProber"]


def library_ids(strategies_md):
    """Kindest's strategies the library has and counts among its short_run_time_strategies:
    the library leaves its long-run-time players (DBS, MetaWinnerDeterministic: seconds per
    match, hours for this field) out of such tournaments, and so does @full_library."""
    short = {cls.__name__ for cls in axl.short_run_time_strategies}
    out = []
    for sid, _, _ in kindest_rows(strategies_md):
        if library_class(sid) and sid in short:
            out.append(sid)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("field", choices=["stewart_plotkin", "full_library_noise"])
    parser.add_argument("--repetitions", type=int)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--strategies-md", type=pathlib.Path, default=ROOT / "docs" / "STRATEGIES.md")
    parser.add_argument("--out", type=pathlib.Path)
    args = parser.parse_args()

    if args.field == "stewart_plotkin":
        ids, noise, repetitions = STEWART_PLOTKIN, 0.0, args.repetitions or 200
    else:
        ids, noise, repetitions = library_ids(args.strategies_md), 0.05, args.repetitions or 20
    out = args.out or HERE / f"axelrod_tournament_{args.field}.txt"

    start, start_cpu = time.perf_counter(), time.process_time()
    players = [getattr(axl, sid)() for sid in ids]
    tournament = axl.Tournament(players, turns=TURNS, repetitions=repetitions, noise=noise,
                                game=axl.Game(r=3, s=0, t=5, p=1), seed=1)
    results = tournament.play(processes=args.processes, progress_bar=False)
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu

    lines = [
        f"# Axelrod library {axl.__version__} tournament '{args.field}', made by"
        " tests/data/make_axelrod_tournaments.py",
        f"# {len(ids)} players, turns={TURNS} noise={noise} repetitions={repetitions}"
        " game=(R,S,T,P)=(3,0,5,1) seed=1; self-interactions played, not scored",
        f"# {seconds:.0f} s wall, {cpu:.0f} s CPU in the main process, processes={args.processes}",
        "# <id> <library rank> <mean normalised score> <its standard error> <median>",
    ]
    for rank, i in enumerate(results.ranking, start=1):
        scores = results.normalised_scores[i]
        n = len(scores)
        mean, error = mean_and_error(scores)
        median = sorted(scores)[n // 2] if n % 2 else sum(sorted(scores)[n // 2 - 1:n // 2 + 1]) / 2
        lines.append(f"{ids[i]} {rank} {mean!r} {error!r} {median!r}")
    out.write_text("\n".join(lines) + "\n")
    print(f"{args.field}: {len(ids)} players x {repetitions} repetitions -> {out} in {seconds:.0f} s")


if __name__ == "__main__":
    main()
