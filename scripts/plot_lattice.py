#!/usr/bin/python3
"""Draw the lattice snapshots of an evolution run on a square lattice as a PNG.

A run with [structure] graph = square_lattice and [structure] snapshots (format 1.8) holds each
node's strategy after the listed generations (/replicates/rNNNN/snapshots; node (row, column) =
row * L + column). By default this draws one snapshot -- the last, or --generation G -- with a
colour per strategy, a legend and the generation in the title; --strip draws the "animation
strip" instead: a row of the snapshots (at most --max-panels, evenly chosen, first and last
included). Other graphs have no rows and columns to draw: the script says so and exits with 2.

    scripts/plot_lattice.py results/nowak_may_1992_spatial.h5 --output lattice.png
    scripts/plot_lattice.py results/nowak_may_1992_spatial.h5 --strip --output strip.png
"""
import math
import os
import sys

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import kindest  # noqa: E402
import kindest.cli  # noqa: E402

# Nowak & May (1992) draw cooperators blue and defectors red; other strategy sets get tab10.
NAMED_COLOURS = {"C": "#1f4fbf", "D": "#d62728"}


def colours(names):
    """One colour per strategy: blue C and red D where the labels are C and D, else tab10."""
    tab = plt.get_cmap("tab10")
    if set(names) <= set(NAMED_COLOURS):
        return [NAMED_COLOURS[n] for n in names]
    return [tab(k % 10) for k in range(len(names))]


def lattice_side(f):
    """L of the file's square lattice; ValueError when the run was on another graph."""
    stored = kindest.config(f)
    graph = stored.get("structure", "graph", fallback="well_mixed")
    if graph != "square_lattice":
        raise ValueError(f"is a run on [structure] graph = {graph}: plot_lattice.py needs a square "
                         "lattice (graph = square_lattice) to place nodes in rows and columns")
    z = stored.getint("population", "size")
    side = math.isqrt(z)
    if side * side != z:
        raise ValueError(f"has [population] size = {z}, not the square of a lattice side")
    return side


def snapshots(f, replicate=0):
    """(generations, strategies (G, L, L), strategy names) of one replicate's snapshots."""
    side = lattice_side(f)
    group = f"replicates/{kindest.replicate_name(replicate)}"
    if group not in f:
        raise ValueError(f"has no replicate {replicate}")
    if "snapshots" not in f[group]:
        raise ValueError("has no lattice snapshots: run it with [structure] snapshots = G1, G2, ... "
                         "(format 1.8)")
    s = f[group]["snapshots"]
    generation = s["generation"][()]
    nodes = s["strategy"][: len(generation)]
    if len(generation) == 0:
        raise ValueError(f"has no snapshot yet in replicate {replicate}")
    return generation, nodes.reshape(len(generation), side, side), kindest.strategies(f)


def draw(ax, lattice, names, title):
    """One lattice on `ax`: a square per node, a colour per strategy."""
    ax.imshow(lattice, cmap=ListedColormap(colours(names)), vmin=-0.5, vmax=len(names) - 0.5,
              interpolation="nearest", origin="upper")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title, fontsize=10)


def legend(fig, names, lattice, generation):
    """The strategies' colours, with their shares of the nodes at `generation`."""
    shares = [np.mean(lattice == k) for k in range(len(names))]
    handles = [Patch(color=c, label=f"{n} ({share:.3f})") for c, n, share in zip(colours(names), names, shares)]
    fig.legend(handles=handles, loc="lower center", ncol=min(len(names), 6), frameon=False, fontsize=9,
               title=f"share of nodes at generation {generation}", title_fontsize=9)


def figure(f, replicate=0, generation=None):
    """One snapshot of `f` (a path or an open file): the last, or that of `generation`."""
    with kindest.opened(f) as f:
        generations, lattices, names = snapshots(f, replicate)
        if generation is None:
            k = len(generations) - 1
        elif generation in generations:
            k = int(np.nonzero(generations == generation)[0][0])
        else:
            raise ValueError(f"has no snapshot of generation {generation} (snapshots: "
                             f"{', '.join(str(g) for g in generations)})")
        side = lattices.shape[1]
        fig, ax = plt.subplots(figsize=(5.2, 5.8))
        draw(ax, lattices[k], names, f"{side} x {side} lattice, generation {generations[k]}")
        legend(fig, names, lattices[k], generations[k])
        fig.tight_layout(rect=(0, 0.09, 1, 1))
        return fig


def strip_indices(count, panels):
    """At most `panels` of `count` snapshots, evenly spread, the first and last included."""
    if count <= panels:
        return list(range(count))
    return sorted({round(i * (count - 1) / (panels - 1)) for i in range(panels)})


def strip(f, replicate=0, max_panels=8):
    """The animation strip of `f`: a row of its snapshots in generation order."""
    with kindest.opened(f) as f:
        generations, lattices, names = snapshots(f, replicate)
        shown = strip_indices(len(generations), max(1, max_panels))
        fig, axes = plt.subplots(1, len(shown), figsize=(2.4 * len(shown), 3.4), squeeze=False)
        for ax, k in zip(axes[0], shown):
            draw(ax, lattices[k], names, f"generation {generations[k]}")
        legend(fig, names, lattices[shown[-1]], generations[shown[-1]])
        fig.tight_layout(rect=(0, 0.15, 1, 0.98))
        return fig


def main() -> int:
    parser = kindest.cli.plot_parser(__doc__, "evolution on a square lattice")
    parser.add_argument("--replicate", type=int, default=0, help="replicate to draw (default 0)")
    parser.add_argument("--generation", type=int, help="snapshot to draw (default the last)")
    parser.add_argument("--strip", action="store_true", help="draw a row of snapshots instead")
    parser.add_argument("--max-panels", type=int, default=8, help="snapshots in the strip (default 8)")
    args = parser.parse_args()
    draw_it = ((lambda f: strip(f, args.replicate, args.max_panels)) if args.strip
               else (lambda f: figure(f, args.replicate, args.generation)))
    try:
        return kindest.cli.plot_file(args.file, ["replicates"], "plot_lattice",
                                     "holds no evolution run (no /replicates)", draw_it, args.output,
                                     dpi=110)
    except ValueError as e:
        print(f"plot_lattice: {args.file} {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
