#!/usr/bin/python3
"""Draw a tournament's score matrix as a PNG heatmap.

Rows and columns are players ordered by rank (best first); cell (i, j) is the mean score per
turn of row player i against column player j (/tournament/score_per_turn, docs/FORMAT.md).

    scripts/plot_tournament.py results/axelrod_1980.h5 --output axelrod.png
"""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import kindest  # noqa: E402
import kindest.cli  # noqa: E402


def figure(f):
    """The ranked heatmap of the tournament in `f` (a path or an open file) as a Figure."""
    ranked = kindest.ranking(f)
    order = list(ranked["player"])
    scores = kindest.tournament(f).pivot(index="player", columns="opponent", values="score_per_turn")
    matrix = scores.reindex(index=order, columns=order).to_numpy()
    labels = [f"{p} ({m:.2f})" for p, m in zip(ranked["player"], ranked["mean_score_per_turn"])]
    size = max(6.0, 0.45 * len(order) + 3)
    fig, ax = plt.subplots(figsize=(size * 1.15, size))
    image = ax.imshow(matrix, cmap="viridis")
    ax.set_xticks(range(len(order)), order, rotation=90)
    ax.set_yticks(range(len(order)), labels)
    ax.set_xlabel("opponent")
    ax.set_ylabel("player (mean score per turn, self-play excluded)")
    ax.set_title("Mean score per turn, row against column, ranked")
    fig.colorbar(image, ax=ax, label="score per turn")
    fig.tight_layout()
    return fig


def main() -> int:
    args = kindest.cli.plot_parser(__doc__, "tournament").parse_args()
    return kindest.cli.plot_file(args.file, ["tournament"], "plot_tournament", "holds no /tournament group",
                                 figure, args.output, dpi=120)


if __name__ == "__main__":
    sys.exit(main())
