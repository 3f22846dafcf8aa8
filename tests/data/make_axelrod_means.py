#!/usr/bin/env python3
"""Record the Axelrod library's mean scores for the stochastic strategies Kindest shares with it,
as test data for tests/strategies/test_axelrod_means.cpp.

Why: a stochastic strategy cannot be compared move for move (Kindest cannot replay the library's
random numbers), but its mean score per turn against fixed opponents can, within Monte-Carlo
error. The means come from running the library itself (from its source, not Kindest's reading
of it), so a significant difference is a bug in Kindest or a documented choice. Run it with the
library's source on PYTHONPATH and Debian's Python (as for make_axelrod_matches.py):

    PYTHONPATH=/path/to/Axelrod /usr/bin/python3 tests/data/make_axelrod_means.py

It prints its runtime: 29 strategies took 12 minutes on a loaded 2-core machine, about 5 minutes
of one core's CPU, so ~55 take about 10 (--matches sets the work; the Monte-Carlo error falls as
1/sqrt(matches)).

Which strategies: every row of docs/STRATEGIES.md (generated from Kindest's registry) marked
stochastic whose id names a library class (the map is the identity, as for the matches), so a
rerun after strategies are added picks them up. Kindest stochastic strategies the library lacks
are listed in the header ("# not in the library: ..."), so the test can tell an omission from
a strategy that has no reference.

Panel: Cooperator, Defector, TitForTat, Alternator, Grudger, WinStayLoseShift, each the
strategy's opponent (the strategy is player 0). Settings: 200 turns, the default game
(R, S, T, P) = (3, 0, 5, 1), no noise; the match tells the players its length and game, as
library matches do. Match k of every pair is seeded with k (k = 1 .. matches).

Output (tests/data/axelrod_means_200.txt): a header of '#' lines, then one line per
(strategy, opponent):

    <id> <opponent> <matches> <mean> <standard error>

mean = the strategy's score per turn averaged over the matches, standard error = the sample
standard deviation of the per-match scores per turn over sqrt(matches).
"""
import argparse
import pathlib
import sys
import time

import axelrod as axl

from make_axelrod_matches import kindest_rows, library_class, mean_and_error

TURNS = 200
PANEL = ["Cooperator", "Defector", "TitForTat", "Alternator", "Grudger", "WinStayLoseShift"]
HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategies-md", type=pathlib.Path, default=ROOT / "docs" / "STRATEGIES.md")
    parser.add_argument("--out", type=pathlib.Path, default=HERE / f"axelrod_means_{TURNS}.txt")
    parser.add_argument("--matches", type=int, default=1000, help="seeds per (strategy, opponent)")
    args = parser.parse_args()

    start, start_cpu = time.perf_counter(), time.process_time()
    stochastic = [sid for sid, is_stochastic, _ in kindest_rows(args.strategies_md) if is_stochastic]
    shared = [sid for sid in stochastic if library_class(sid)]
    missing = [sid for sid in stochastic if not library_class(sid)]
    for sid in shared:
        if not axl.Classifiers["stochastic"](getattr(axl, sid)()):
            print(f"note: {sid} is deterministic in the library", file=sys.stderr)

    game = axl.Game(r=3, s=0, t=5, p=1)
    lines = [
        f"# Axelrod library {axl.__version__} mean scores, made by tests/data/make_axelrod_means.py",
        f"# turns={TURNS} game=(R,S,T,P)=(3,0,5,1) noise=0; length and game told to the players;"
        f" match k seeded with k = 1..{args.matches}",
        "# <id> <opponent> <matches> <mean score per turn of id> <its standard error>",
        "# not in the library: " + (", ".join(missing) if missing else "-"),
    ]
    for sid in shared:
        for opponent in PANEL:
            scores = []
            for k in range(1, args.matches + 1):
                match = axl.Match((getattr(axl, sid)(), getattr(axl, opponent)()), turns=TURNS,
                                  game=game, seed=k)
                match.play()
                scores.append(match.final_score_per_turn()[0])
            mean, error = mean_and_error(scores)
            lines.append(f"{sid} {opponent} {args.matches} {mean!r} {error!r}")
    args.out.write_text("\n".join(lines) + "\n")
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    print(f"{len(shared)} shared stochastic strategies x {len(PANEL)} opponents x {args.matches}"
          f" matches -> {args.out} in {seconds:.0f} s ({cpu:.0f} s of CPU; the rest is other load)")
    for sid in missing:
        print(f"skipped: {sid} (not in the library)", file=sys.stderr)


if __name__ == "__main__":
    main()
