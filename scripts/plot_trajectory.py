#!/usr/bin/python3
"""Plot an evolution run: strategy frequencies and cooperation over generations, as a PNG.

One panel per replicate (up to --max-replicates); each shows the frequency of every strategy
(/replicates/rNNNN/counts divided by the population size) and, where the game has moves, the
population's cooperation rate as a dashed black line (docs/FORMAT.md).

    scripts/plot_trajectory.py results/evolution.h5 --output evolution.png
"""
import argparse
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def open_result(path):
    try:
        return h5py.File(path, "r")
    except OSError:  # still being written, or its writer was killed (SWMR)
        return h5py.File(path, "r", libver="latest", swmr=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="Kindest evolution result (.h5)")
    parser.add_argument("--output", "-o", help="PNG to write (default: FILE with .png)")
    parser.add_argument("--max-replicates", type=int, default=4, help="panels to draw (default 4)")
    args = parser.parse_args()
    output = args.output or args.file.rsplit(".", 1)[0] + ".png"

    try:
        f = open_result(args.file)
    except OSError as e:
        print(f"plot_trajectory: cannot read {args.file}: {e}", file=sys.stderr)
        return 1
    with f:
        if "replicates" not in f or "population" not in f:
            print(f"plot_trajectory: {args.file} holds no evolution run (no /replicates)", file=sys.stderr)
            return 2
        if not f.attrs.get("complete", 0):
            print(f"plot_trajectory: warning: {args.file} is marked incomplete", file=sys.stderr)
        names = [n.decode() if isinstance(n, bytes) else n for n in f["population/strategies"][()]]
        groups = sorted(f["replicates"].keys())[: args.max_replicates]
        fig, axes = plt.subplots(len(groups), 1, figsize=(10, 2.8 * len(groups) + 0.8), sharex=True, squeeze=False)
        for ax, name in zip(axes[:, 0], groups):
            r = f["replicates"][name]
            generation = r["generation"][()]
            counts = r["counts"][()].astype(float)
            if len(generation) == 0:
                ax.set_title(f"{name}: no records yet")
                continue
            freq = counts / counts.sum(axis=1, keepdims=True)
            for s, label in enumerate(names):
                ax.plot(generation, freq[:, s], label=label, linewidth=1.2)
            cooperation = r["cooperation_rate"][()]
            if np.isfinite(cooperation).any():
                ax.plot(generation, cooperation, "k--", linewidth=1, label="cooperation")
            ax.set_ylim(-0.02, 1.02)
            ax.set_ylabel("frequency")
            ax.set_title(f"replicate {name[1:]}")
        axes[-1, 0].set_xlabel("generation")
        handles, labels = axes[0, 0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="upper center", ncol=min(6, len(labels)), frameon=False)
        fig.tight_layout(rect=(0, 0, 1, 1 - 0.5 / (2.8 * len(groups) + 0.8)))
        fig.savefig(output, dpi=110)
    print(f"plot_trajectory: wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
