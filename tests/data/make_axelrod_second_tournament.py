#!/usr/bin/env python3
"""Score the field of experiments/axelrod_second_tournament.ini with the Axelrod library, as
reference data for tests/experiments/test_axelrod_second_tournament.cpp.

The library plays the same round robin as Kindest's tournament job: every unordered pair of the
ini's players once (self-play included, both copies averaged), 200 turns, (R, S, T, P) =
(3, 0, 5, 1), no noise, the length and game told to the players. A pair of deterministic players
plays one match (every repetition would replay it); a pair with a stochastic player plays
--repetitions matches, match k of pair (i, j) seeded with --seed + k (one seed per repetition,
pairs independent as in Kindest, whose streams differ per pair).

    PYTHONPATH=/path/to/Axelrod /usr/bin/python3 tests/data/make_axelrod_second_tournament.py

Output (tests/data/axelrod_second_tournament_200.txt): '#' header lines, then one line per player

    <id> <deterministic_total> <mean> <se>

deterministic_total: for a deterministic player, its total score over its matches against the
deterministic players (self included), an integer, exact; '-' for a stochastic one. mean: its mean score per turn over all its
matches with self (the mean over opponents of its mean per-turn score against each); se: the
standard error of that mean over repetitions.
"""
import argparse
import configparser
import math
import pathlib

import axelrod as axl

TURNS = 200
HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def players_of(ini):
    config = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
    config.read(ini)
    return [p.strip() for p in config["tournament"]["players"].split(",") if p.strip()]


def per_turn_scores(a, b, game, seed):
    match = axl.Match((getattr(axl, a)(), getattr(axl, b)()), turns=TURNS, game=game, seed=seed)
    match.play()
    s0, s1 = match.final_score()
    return s0 / TURNS, s1 / TURNS


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ini", type=pathlib.Path,
                        default=ROOT / "experiments" / "axelrod_second_tournament.ini")
    parser.add_argument("--out", type=pathlib.Path,
                        default=HERE / f"axelrod_second_tournament_{TURNS}.txt")
    parser.add_argument("--repetitions", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    ids = players_of(args.ini)
    game = axl.Game(r=3, s=0, t=5, p=1)
    stochastic = {i: axl.Classifiers["stochastic"](getattr(axl, i)()) for i in ids}
    n = len(ids)
    cell_mean = [[0.0] * n for _ in range(n)]
    cell_var = [[0.0] * n for _ in range(n)]  # variance of the cell's mean
    for i in range(n):
        for j in range(i, n):
            reps = args.repetitions if stochastic[ids[i]] or stochastic[ids[j]] else 1
            xs, ys = [], []
            for k in range(reps):
                x, y = per_turn_scores(ids[i], ids[j], game, args.seed + k)
                if i == j:
                    x = y = (x + y) / 2
                xs.append(x)
                ys.append(y)
            for row, col, v in ((i, j, xs), (j, i, ys)):
                m = sum(v) / reps
                var = sum((t - m) ** 2 for t in v) / (reps - 1) / reps if reps > 1 else 0.0
                cell_mean[row][col], cell_var[row][col] = m, var

    lines = [
        f"# Axelrod library {axl.__version__}, made by tests/data/make_axelrod_second_tournament.py",
        f"# field: {args.ini.name}; turns={TURNS} game=(3,0,5,1) noise=0 self_play=on; "
        f"stochastic pairs: {args.repetitions} repetitions, seeds {args.seed}..{args.seed + args.repetitions - 1}",
        "# <id> <deterministic_total> <mean> <se>",
    ]
    for i, pid in enumerate(ids):
        det_total = sum(cell_mean[i][j] * TURNS for j in range(n) if not stochastic[ids[j]])
        mean = sum(cell_mean[i]) / n
        se = math.sqrt(sum(cell_var[i])) / n
        total = "-" if stochastic[pid] else str(round(det_total))
        lines.append(f"{pid} {total} {mean:.6f} {se:.6f}")
    args.out.write_text("\n".join(lines) + "\n")
    print(f"{n} players -> {args.out}")


if __name__ == "__main__":
    main()
