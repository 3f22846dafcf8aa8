#!/usr/bin/python3
"""Heatmap of one outcome measure of a sweep over two varied keys (a phase diagram).

    scripts/plot_sweep.py ifn_sweep.h5 --x game.benefit --y match.execution_error_rate \\
        --z stationary_probability --strategy WinStayLoseShift [--out phase.png] [--logy]

--z names a measure of /sweep/summary (kindest export FILE --csv lists them); --strategy picks its
row label when the measure has several (default: "all", the population-wide value). Replicates
are averaged; each cell is one (x, y) point. Writes FILE.png unless --out is given.
"""
import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import kindest  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--x", required=True, help="varied key on the x axis")
    parser.add_argument("--y", required=True, help="varied key on the y axis")
    parser.add_argument("--z", required=True, help="summary measure, e.g. cooperation_rate")
    parser.add_argument("--strategy", default=None, help="row label of the measure (default: all)")
    parser.add_argument("--table", default=None, help="summary table, when the measure is in several")
    parser.add_argument("--out", default=None)
    parser.add_argument("--logx", action="store_true")
    parser.add_argument("--logy", action="store_true")
    args = parser.parse_args()
    s = kindest.sweep_summary(args.file)
    for key in (args.x, args.y):
        if key not in s.columns:
            keys = [c for c in s.columns if "." in c]
            sys.exit(f"plot_sweep: {key} does not vary in {args.file}; varied keys: {', '.join(keys)}")
    rows = s[s.measure == args.z]
    if rows.empty:
        sys.exit(f"plot_sweep: no measure {args.z!r}; measures: {', '.join(sorted(s.measure.unique()))}")
    if args.table:
        rows = rows[rows.table == args.table]
    labels = sorted(rows.strategy.unique())
    strategy = args.strategy or ("all" if "all" in labels else labels[0] if len(labels) == 1 else None)
    if strategy is None:
        sys.exit(f"plot_sweep: {args.z} has several rows; pick one with --strategy: {', '.join(labels)}")
    rows = rows[rows.strategy == strategy]
    grid = rows.pivot_table(index=args.y, columns=args.x, values="value", aggfunc="mean")
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    x, y = grid.columns.to_numpy(dtype=float), grid.index.to_numpy(dtype=float)
    mesh = ax.pcolormesh(x, y, grid.to_numpy(), shading="nearest", cmap="viridis")
    fig.colorbar(mesh, ax=ax, label=f"{args.z} ({strategy})")
    if args.logx:
        ax.set_xscale("log")
    if args.logy:
        ax.set_yscale("log")
    ax.set_xlabel(args.x)
    ax.set_ylabel(args.y)
    ax.set_title(os.path.basename(args.file))
    out = args.out or os.path.splitext(args.file)[0] + ".png"
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    print(f"plot_sweep: wrote {out} ({grid.shape[1]} x {grid.shape[0]} points)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
