#!/usr/bin/python3
"""Draw a tournament's score matrix as a PNG heatmap.

Rows and columns are players ordered by rank (best first); cell (i, j) is the mean score per
turn of row player i against column player j (/tournament/score_per_turn, docs/FORMAT.md).

    scripts/plot_tournament.py results/axelrod_1980.h5 --output axelrod.png
"""
import argparse
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="Kindest tournament result (.h5)")
    parser.add_argument("--output", "-o", help="PNG to write (default: FILE with .png)")
    args = parser.parse_args()
    output = args.output or args.file.rsplit(".", 1)[0] + ".png"

    try:
        with h5py.File(args.file, "r") as f:
            if "tournament" not in f:
                print(f"plot_tournament: {args.file} holds no /tournament group", file=sys.stderr)
                return 2
            if not f.attrs.get("complete", 0):
                print(f"plot_tournament: warning: {args.file} is marked incomplete", file=sys.stderr)
            t = f["tournament"]
            names = [n.decode() if isinstance(n, bytes) else n for n in t["players"][()]]
            scores = t["score_per_turn"][()]
            ranking = t["ranking"][()]
            mean = t["mean_score_per_turn"][()]
    except OSError as e:
        print(f"plot_tournament: cannot read {args.file}: {e}", file=sys.stderr)
        return 1

    order = np.asarray(ranking, dtype=int)
    matrix = scores[np.ix_(order, order)]
    labels = [f"{names[i]} ({mean[i]:.2f})" for i in order]
    size = max(6.0, 0.45 * len(order) + 3)
    fig, ax = plt.subplots(figsize=(size * 1.15, size))
    image = ax.imshow(matrix, cmap="viridis")
    ax.set_xticks(range(len(order)), [names[i] for i in order], rotation=90)
    ax.set_yticks(range(len(order)), labels)
    ax.set_xlabel("opponent")
    ax.set_ylabel("player (mean score per turn, self-play excluded)")
    ax.set_title("Mean score per turn, row against column, ranked")
    fig.colorbar(image, ax=ax, label="score per turn")
    fig.tight_layout()
    fig.savefig(output, dpi=120)
    print(f"plot_tournament: wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
