#!/usr/bin/python3
"""Plot in-group against out-group cooperation in the reputation game with [groups], as a PNG.

An evolution run ([payoffs] source = reputation): one line per replicate (the first
--max-replicates) of the fraction of in-group actions that were C (solid) and of out-group
actions (dashed), over generations (/replicates/rNNNN/in_group_cooperation and
out_group_cooperation), with their mean over the replicates drawn thick. A job = reputation file:
the same two fractions per replicate as bars (/reputation/in_group_cooperation,
out_group_cooperation). Out-group cooperation is NaN, and not drawn, without out-group actions
(one group). With evolving group norms ([groups] evolve_norms, format 1.7) a second panel shows
each group's norm over generations in the first shown replicate (/replicates/rNNNN/group_norm,
a colour per entry of /groups/norm_pool), and a third the fraction of groups holding each norm,
averaged over the shown replicates. docs/FORMAT.md describes the datasets.

    scripts/plot_groups.py results/masuda_evolution.h5 --output groups.png
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

IN, OUT = "C0", "C3"


def norm_panels(f, shown, heat, share):
    """Each group's norm over generations (replicate shown[0]) and the norms' shares of groups."""
    pool = kindest.strings(f["groups/norm_pool"])
    colors = plt.get_cmap("tab10")
    first = f[f"replicates/{kindest.replicate_name(shown[0])}"]
    generation = first["generation"][()]
    norms = first["group_norm"][()]
    cmap = matplotlib.colors.ListedColormap([colors(k % 10) for k in range(len(pool))])
    heat.imshow(norms.T, aspect="auto", interpolation="nearest", cmap=cmap, vmin=-0.5,
                vmax=len(pool) - 0.5, origin="lower",
                extent=(generation[0], generation[-1], -0.5, norms.shape[1] - 0.5))
    heat.set_ylabel("group")
    heat.set_title(f"Each group's norm (replicate {shown[0]})", fontsize=11)
    runs = [f[f"replicates/{kindest.replicate_name(r)}/group_norm"][()] for r in shown]
    length = min(len(x) for x in runs)
    for k, name in enumerate(pool):
        fraction = np.mean([(x[:length] == k).mean(axis=1) for x in runs], axis=0)
        share.plot(generation[:length], fraction, color=colors(k % 10), label=name)
    share.set_ylim(-0.02, 1.02)
    share.set_xlabel("generation")
    share.set_ylabel("fraction of groups")
    share.legend(frameon=False, fontsize=8, loc="upper right")


def evolution_figure(f, max_replicates):
    shown = [kindest.replicate_index(n) for n in kindest.replicate_names(f["replicates"])][:max_replicates]
    population = kindest.trajectory_population(f, replicates=shown)
    norms = "groups/norm_pool" in f and shown and "group_norm" in f[f"replicates/{kindest.replicate_name(shown[0])}"]
    if norms:
        fig, (ax, heat, share) = plt.subplots(3, 1, figsize=(9, 10), sharex=True)
    else:
        fig, ax = plt.subplots(figsize=(9, 4.2))
    curves = {"in_group_cooperation": [], "out_group_cooperation": []}
    for replicate in shown:
        mine = population[population["replicate"] == replicate]
        generation = mine["generation"].to_numpy()
        for name, color, style in (("in_group_cooperation", IN, "-"), ("out_group_cooperation", OUT, "--")):
            y = mine[name].to_numpy()
            if np.isfinite(y).any():
                ax.plot(generation, y, color=color, linestyle=style, linewidth=0.6, alpha=0.45)
                curves[name].append((generation, y))
    if not curves["in_group_cooperation"]:
        raise ValueError("has no in-group cooperation series: not the reputation game "
                         "([payoffs] source = reputation), or a file before format 1.6")
    for name, color, style, label in (("in_group_cooperation", IN, "-", "in-group"),
                                      ("out_group_cooperation", OUT, "--", "out-group")):
        runs = curves[name]
        if not runs:
            continue
        # Replicates share their record generations (one [record] interval), so the mean is over
        # the records all of them have.
        length = min(len(g) for g, _ in runs)
        with np.errstate(invalid="ignore"):
            mean = np.nanmean(np.vstack([y[:length] for _, y in runs]), axis=0)
        ax.plot(runs[0][0][:length], mean, color=color, linestyle=style, linewidth=2.2,
                label=f"{label} (mean of {len(runs)})")
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("generation")
    ax.set_ylabel("fraction of actions that were C")
    ax.set_title("In-group vs out-group cooperation", fontsize=11)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, loc="lower right")
    if norms:
        norm_panels(f, shown, heat, share)
    fig.tight_layout()
    return fig


def reputation_figure(f):
    r = f["reputation"]
    inside, outside = r["in_group_cooperation"][()], r["out_group_cooperation"][()]
    x = np.arange(len(inside))
    fig, ax = plt.subplots(figsize=(max(4, 0.6 * len(x) + 2), 4))
    ax.bar(x - 0.2, inside, width=0.4, color=IN, label="in-group")
    ax.bar(x + 0.2, np.nan_to_num(outside, nan=0.0), width=0.4, color=OUT, label="out-group")
    ax.set_xticks(x, [f"r{k}" for k in x])
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("replicate")
    ax.set_ylabel("fraction of actions that were C")
    ax.set_title("In-group vs out-group cooperation (measured window)", fontsize=11)
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig


def figure(f, max_replicates=8):
    """The plot of `f` (a path or an open file): an evolution run or a job = reputation file."""
    with kindest.opened(f) as f:
        if "replicates" in f:
            return evolution_figure(f, max_replicates)
        return reputation_figure(f)


def main() -> int:
    parser = kindest.cli.plot_parser(__doc__, "evolution (source = reputation) or reputation", replicate_rows=8)
    args = parser.parse_args()
    path = args.file
    try:
        import h5py
        with h5py.File(path, "r") as f:
            groups = ["replicates"] if "replicates" in f else ["reputation"]
    except OSError:
        groups = ["replicates"]  # plot_file reports the unreadable file
    try:
        return kindest.cli.plot_file(path, groups, "plot_groups",
                                     "holds no reputation game (no /replicates or /reputation)",
                                     lambda f: figure(f, args.max_replicates), args.output, dpi=110)
    except ValueError as e:
        print(f"plot_groups: {path} {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
