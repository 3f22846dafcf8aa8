#!/usr/bin/env python3
"""Record the Axelrod library's own matches between the deterministic strategies Kindest shares
with it, as test data for tests/strategies/test_axelrod_matches.cpp.

The point is an independent reference: the moves come from running the library (from its
source, not Kindest's reading of it), so a difference is either a bug in Kindest or a documented
choice. Run it with the library's source on PYTHONPATH and Debian's Python (numpy, scipy,
pandas, matplotlib, tqdm, dask, toolz, cloudpickle, yaml):

    PYTHONPATH=/path/to/Axelrod /usr/bin/python3 tests/data/make_axelrod_matches.py

Which strategies: every row of docs/STRATEGIES.md (generated from Kindest's registry) marked not
stochastic whose id names a library class the library also classifies as deterministic. Kindest
ids follow the library's class names, so the map is the identity.

Output (tests/data/axelrod_matches_200.txt): a header of '#' lines, then one line per ordered
pair (player 0 first, self-play included):

    <id0> <id1> <moves0> <moves1>

with each move string run-length encoded as action then count, e.g. "C4D1C195" (decode by
repeating each letter count times). Settings: 200 turns, the default game (R, S, T, P) =
(3, 0, 5, 1), no noise; the match tells the players its length and game, as library matches do.
"""
import argparse
import math
import pathlib
import re
import sys

import axelrod as axl

TURNS = 200
HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def kindest_rows(strategies_md):
    """(id, stochastic, uses) for every row of the strategy table; uses is a set of 'length', 'game'."""
    rows = []
    for line in strategies_md.read_text().splitlines():
        m = re.match(r"\| `([^`]+)` \|[^|]*\|[^|]*\| (yes|no) \| ([^|]*) \|", line)
        if m:
            uses = {u for u in m.group(3).strip().split(",") if u in ("length", "game")}
            rows.append((m.group(1), m.group(2) == "yes", uses))
    return rows


def library_class(sid):
    """The library's player class named sid, or None where the library has no such strategy."""
    cls = getattr(axl, sid, None)
    return cls if isinstance(cls, type) and issubclass(cls, axl.Player) else None


def mean_and_error(values):
    """The mean of independent values and its standard error (0 for a single value)."""
    n = len(values)
    mean = sum(values) / n
    if n == 1:
        return mean, 0.0
    return mean, math.sqrt(sum((x - mean) ** 2 for x in values) / (n - 1) / n)


def kindest_deterministic_ids(strategies_md):
    return [sid for sid, stochastic, _ in kindest_rows(strategies_md) if not stochastic]


def run_length(actions):
    out = []
    for a in actions:
        c = str(a)
        if out and out[-1][0] == c:
            out[-1][1] += 1
        else:
            out.append([c, 1])
    return "".join(f"{c}{n}" for c, n in out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategies-md", type=pathlib.Path, default=ROOT / "docs" / "STRATEGIES.md")
    parser.add_argument("--out", type=pathlib.Path, default=HERE / f"axelrod_matches_{TURNS}.txt")
    parser.add_argument("--reuse", type=pathlib.Path,
                        help="an earlier output made with the same library version: its pairs are copied, "
                             "not replayed (the matches are deterministic); the header must name the version")
    args = parser.parse_args()

    shared, skipped = [], []
    for sid in kindest_deterministic_ids(args.strategies_md):
        cls = library_class(sid)
        if cls is None:
            skipped.append(f"{sid} (not in the library)")
        elif axl.Classifiers["stochastic"](cls()):
            skipped.append(f"{sid} (stochastic in the library)")
        else:
            shared.append(sid)

    game = axl.Game(r=3, s=0, t=5, p=1)
    lines = [
        f"# Axelrod library {axl.__version__} matches, made by tests/data/make_axelrod_matches.py",
        f"# turns={TURNS} game=(R,S,T,P)=(3,0,5,1) noise=0; length and game told to the players",
        "# <id0> <id1> <moves0> <moves1>, moves run-length encoded (C4D1 = CCCCD)",
    ]
    reused = {}
    if args.reuse:
        old_lines = args.reuse.read_text().splitlines()
        if not old_lines or f"library {axl.__version__} " not in old_lines[0]:
            sys.exit(f"--reuse {args.reuse}: not made with library {axl.__version__}")
        for line in old_lines:
            if line and not line.startswith("#"):
                a, b, _, _ = line.split()
                reused[(a, b)] = line
    for a in shared:
        for b in shared:
            if (a, b) in reused:
                lines.append(reused[(a, b)])
                continue
            match = axl.Match((getattr(axl, a)(), getattr(axl, b)()), turns=TURNS, game=game)
            result = match.play()
            lines.append(f"{a} {b} {run_length(x for x, _ in result)} {run_length(y for _, y in result)}")
    args.out.write_text("\n".join(lines) + "\n")
    print(f"{len(shared)} shared strategies, {len(shared) ** 2} ordered pairs -> {args.out}")
    for s in skipped:
        print(f"skipped: {s}", file=sys.stderr)
    # What the library says each shared strategy reads (its makes_use_of classifier), next to
    # Kindest's uses_length / uses_game; a difference is worth a look, not always a bug (the
    # library's classifier is declared by hand too).
    for sid, stochastic, uses in kindest_rows(args.strategies_md):
        cls = library_class(sid)
        if cls is None:
            continue
        library = set(axl.Classifiers["makes_use_of"](cls())) & {"length", "game"}
        if library != uses:
            print(f"uses differ: {sid} kindest {sorted(uses)} library {sorted(library)}", file=sys.stderr)


if __name__ == "__main__":
    main()
