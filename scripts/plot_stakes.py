#!/usr/bin/python3
"""Where raise-the-stakes settles in the (a, b) plane: the stationary distribution of a stakes
run on an RTS grid ([stakes] strategy_set = rts_grid), one heatmap panel per file.

    kindest run experiments/roberts_sherratt_1998_stakes.ini -o linear.h5 \\
        --stakes.strategy_set=rts_grid --dynamics.mutation=local
    scripts/plot_stakes.py linear.h5 saturating.h5 [--out plane.png] [--floor 1e-6]

Colour is log10 of the long-run share of time at each grid point (/stakes/grid_stationary),
floored at --floor; the number in a cell is its share when it is at least 0.01. The title names
the benefit (linear, or saturating with its h), the mutation (uniform or local) and the selection
intensity, read from the file's stored config. Writes the first file's name with .png unless
--out is given.
"""
import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from kindest.file import config, open_result  # noqa: E402


def plane(path):
    """(starts, increments, stationary [A][B], title) of a stakes grid file."""
    with open_result(path) as f:
        if "stakes/grid_stationary" not in f:
            sys.exit(f"plot_stakes: {path} has no /stakes/grid_stationary: run job stakes with "
                     "[stakes] strategy_set = rts_grid")
        a, b = f["stakes/grid_start"][()], f["stakes/grid_increment"][()]
        pi = f["stakes/grid_stationary"][()]
        c = config(f)
    shape = c.get("stakes", "benefit_shape")
    benefit = "linear b(x)" if shape == "linear" else f"saturating b(x), h = {c.get('stakes', 'saturation')}"
    title = (f"{benefit}\n{c.get('dynamics', 'mutation')} mutation, "
             f"selection {c.get('dynamics', 'selection_intensity')}, N = {c.get('population', 'size')}")
    return a, b, pi, title


def figure(paths, floor=1e-6):
    """One heatmap panel per file: log10 of max(grid_stationary, floor), a on y, b on x."""
    panels = [plane(p) for p in paths]
    fig, axes = plt.subplots(1, len(panels), figsize=(3.6 * len(panels) + 1.0, 3.8), squeeze=False)
    mesh = None
    for k, (ax, (a, b, pi, title)) in enumerate(zip(axes[0], panels)):
        z = np.log10(np.maximum(pi, floor))
        mesh = ax.imshow(z, origin="lower", cmap="viridis", vmin=np.log10(floor), vmax=0, aspect="auto")
        ax.set_xticks(range(len(b)), [f"{x:g}" for x in b])
        ax.set_yticks(range(len(a)), [f"{x:g}" for x in a])
        ax.set_xlabel("increment b")
        if k == 0:
            ax.set_ylabel("start a")
        ax.set_title(title, fontsize=9)
        for i in range(len(a)):
            for j in range(len(b)):
                if pi[i, j] >= 0.01:
                    ax.text(j, i, f"{pi[i, j]:.2f}", ha="center", va="center", fontsize=8,
                            color="black" if z[i, j] > np.log10(floor) / 2 else "white")
    fig.colorbar(mesh, ax=axes[0].tolist(), label="log10 long-run share of time")
    return fig


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--out", default=None)
    parser.add_argument("--floor", type=float, default=1e-6, help="smallest share shown (log colour scale)")
    args = parser.parse_args()
    fig = figure(args.files, args.floor)
    out = args.out or os.path.splitext(args.files[0])[0] + ".png"
    fig.savefig(out, dpi=110, bbox_inches="tight")
    print(f"plot_stakes: wrote {out} ({len(args.files)} panels)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
