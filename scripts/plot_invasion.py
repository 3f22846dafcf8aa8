#!/usr/bin/python3
"""Plot a mutant-invasion run (job invasion) as a PNG.

One row per replicate (the first --max-replicates, in numeric order): the population's mean
rule (p_CC, p_CD, p_DC, p_DD) and its cooperation rate over generations. A last panel counts
the corner of the unit cube nearest each replicate's final mean rule (WSLS = (1,0,0,1),
TFT = (1,0,1,0), ...), over all replicates (docs/FORMAT.md, /invasion).

    scripts/plot_invasion.py results/nowak_sigmund_1993_wsls.h5 --output wsls.png
    scripts/plot_invasion.py results/nowak_sigmund_1993_wsls.h5 --log
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
from kindest.frames import RULE  # noqa: E402


def corner_label(k):
    bits = "(" + ",".join("1" if k & b else "0" for b in (8, 4, 2, 1)) + ")"
    name = kindest.corner_name(k)
    return f"{name}\n{bits}" if name != bits else bits


def figure(f, max_replicates=4, log=False):
    """The plot of the invasion run in `f` (a path or an open file) as a Figure."""
    with kindest.opened(f) as f:
        shown = [kindest.replicate_index(n) for n in kindest.replicate_names(f["invasion"])][:max_replicates]
        records = kindest.invasion(f, replicates=shown)
        final = kindest.invasion_final(f)
    fig, axes = plt.subplots(len(shown) + 1, 1, figsize=(10, 2.4 * (len(shown) + 1) + 0.6), squeeze=False)
    axes = axes[:, 0]
    for ax, replicate in zip(axes, shown):
        r = records[records["replicate"] == replicate]
        generation = r["generation"].to_numpy()
        for k, label in enumerate(RULE):
            ax.plot(generation, r[f"mean_{label}"], color=f"C{k}", linewidth=1.1, label=label)
        ax.plot(generation, r["cooperation_rate"], "k--", linewidth=0.9, label="cooperation")
        ax.set_ylim(-0.02, 1.02)
        ax.set_ylabel("mean rule")
        if log:
            ax.set_xscale("symlog", linthresh=max(1, int(generation[1])) if len(generation) > 1 else 1)
            ax.set_xlim(left=0)
        ax.set_title(f"replicate {replicate:04d}", fontsize=10)
    if shown:
        axes[len(shown) - 1].set_xlabel("generation")
        handles, labels = axes[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="upper center", ncol=5, frameon=False)
    finished = final[final["finished"]]
    ks, counts = np.unique(finished["corner"].to_numpy(), return_counts=True)
    bars = axes[-1]
    bars.bar(range(len(ks)), counts, color="C7")
    bars.set_xticks(range(len(ks)), [corner_label(int(k)) for k in ks], fontsize=8)
    bars.set_ylabel("replicates")
    bars.set_title(f"nearest corner of the final mean rule ({len(finished)} of {len(final)} replicates "
                   "finished)", fontsize=10)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.45 / (2.4 * (len(shown) + 1) + 0.6)))
    return fig


def main() -> int:
    parser = kindest.cli.plot_parser(__doc__, "invasion", replicate_rows=4)
    parser.add_argument("--log", action="store_true", help="generations on a log scale (shows the early "
                        "defection phase of long runs)")
    args = parser.parse_args()
    return kindest.cli.plot_file(args.file, ["invasion"], "plot_invasion", "holds no invasion run (no /invasion)",
                                 lambda f: figure(f, args.max_replicates, args.log), args.output, dpi=110)


if __name__ == "__main__":
    sys.exit(main())
