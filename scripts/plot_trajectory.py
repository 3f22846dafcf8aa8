#!/usr/bin/python3
"""Plot an evolution run: strategy frequencies and cooperation over generations, as a PNG.

One row per replicate (the first --max-replicates, in numeric order). Left: the frequency of
every strategy (/replicates/rNNNN/counts over the population size) and, where the game has
moves, the population's cooperation rate as a dashed black line (and, for the reputation game,
the good-reputation share as a dotted one). Right: each strategy's
frequency averaged over the whole run. Long runs show their first --max-points records unless
--window picks the generations to show (docs/FORMAT.md).

    scripts/plot_trajectory.py results/evolution.h5 --output evolution.png
    scripts/plot_trajectory.py results/evolution.h5 --window 50000:60000
"""
import os
import sys

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import kindest  # noqa: E402
import kindest.cli  # noqa: E402


def figure(f, max_replicates=4, window=None, max_points=3000):
    """The plot of the evolution run in `f` (a path or an open file) as a Figure; `window`:
    (first, last) generations to show, else the first `max_points` records."""
    with kindest.opened(f) as f:
        names = kindest.strategies(f)
        shown = [kindest.replicate_index(n) for n in kindest.replicate_names(f["replicates"])][:max_replicates]
        freq_all = kindest.trajectory(f, replicates=shown)
        population = kindest.trajectory_population(f, replicates=shown)
    rows = max(1, len(shown))
    fig = plt.figure(figsize=(11, 2.8 * rows + 0.8))
    grid = fig.add_gridspec(rows, 2, width_ratios=[5, 1])
    colors = [f"C{k % 10}" for k in range(len(names))]
    for row, replicate in enumerate(shown):
        ax, bars = fig.add_subplot(grid[row, 0]), fig.add_subplot(grid[row, 1])
        mine = population[population["replicate"] == replicate]
        generation = mine["generation"].to_numpy()
        if len(generation) == 0:
            ax.set_title(f"replicate {replicate:04d}: no records yet")
            continue
        freq = (freq_all[freq_all["replicate"] == replicate]
                .pivot(index="generation", columns="strategy", values="frequency")[names].to_numpy())
        cooperation = mine["cooperation_rate"].to_numpy()
        good = mine["good_fraction"].to_numpy()
        if window:
            visible = (generation >= window[0]) & (generation <= window[1])
            note = f"generations {window[0]} to {window[1]}"
        else:
            visible = np.arange(len(generation)) < max_points
            note = (f"first {int(generation[visible][-1])} of {int(generation[-1])} generations (--window)"
                    if not visible.all() else f"{int(generation[-1])} generations")
        for k, label in enumerate(names):
            ax.plot(generation[visible], freq[visible, k], color=colors[k], label=label, linewidth=1.1)
        if np.isfinite(cooperation).any():
            ax.plot(generation[visible], cooperation[visible], "k--", linewidth=0.9, label="cooperation")
        if np.isfinite(good).any():  # [payoffs] source = reputation
            ax.plot(generation[visible], good[visible], "k:", linewidth=0.9, label="good reputation")
        ax.set_ylim(-0.02, 1.02)
        ax.set_ylabel("frequency")
        ax.set_title(f"replicate {replicate:04d}: {note}", fontsize=10)
        bars.bar(range(len(names)), freq.mean(axis=0), color=colors)
        bars.set_xticks(range(len(names)), names, rotation=60, fontsize=8)
        bars.set_ylim(0, 1)
        bars.set_title("mean over run", fontsize=10)
        if row == len(shown) - 1:
            ax.set_xlabel("generation")
        if row == 0:
            handles, labels = ax.get_legend_handles_labels()
            fig.legend(handles, labels, loc="upper center", ncol=min(6, len(labels)), frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.5 / (2.8 * rows + 0.8)))
    return fig


def main() -> int:
    parser = kindest.cli.plot_parser(__doc__, "evolution", replicate_rows=4)
    parser.add_argument("--window", help="generations to show, FIRST:LAST (default: all, or the "
                        "first --max-points records)")
    parser.add_argument("--max-points", type=int, default=3000, help="records shown without --window")
    args = parser.parse_args()
    window = None
    if args.window:
        try:
            first, last = (int(x) for x in args.window.split(":"))
            window = (first, last)
        except ValueError:
            print(f"plot_trajectory: --window must be FIRST:LAST, got {args.window!r}", file=sys.stderr)
            return 2
    return kindest.cli.plot_file(args.file, ["replicates", "population"], "plot_trajectory", "holds no evolution run (no /replicates)",
                                 lambda f: figure(f, args.max_replicates, window, args.max_points), args.output, dpi=110)


if __name__ == "__main__":
    sys.exit(main())
