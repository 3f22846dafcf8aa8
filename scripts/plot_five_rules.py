#!/usr/bin/python3
"""Nowak's five rules for the evolution of cooperation in one figure (Nowak 2006, Science
314:1560): for each mechanism the measured N rho_C (one cooperator taking over; 1 = neutral)
along b/c, the rule's threshold (solid vertical line) and the crossing the measured quantity is
expected to have at this N and selection strength (dashed), from the sweeps of
experiments/nowak_2006_five_rules_*.ini:

    kindest sweep experiments/nowak_2006_five_rules_kin.ini --vary game.benefit=2:8:25 --keep-points -o kin.h5
    kindest sweep experiments/nowak_2006_five_rules_direct.ini --vary game.benefit=1:7:25 --keep-points -o direct.h5
    kindest sweep experiments/nowak_2006_five_rules_indirect.ini --vary game.benefit=1:7:25 --keep-points -o indirect.h5
    kindest sweep experiments/nowak_2006_five_rules_network.ini --vary game.benefit=2:10:9 -o network.h5
    kindest sweep experiments/nowak_2006_five_rules_group.ini --vary game.benefit=1:2.5:31 -o group.h5
    scripts/plot_five_rules.py --kin kin.h5 --direct direct.h5 --indirect indirect.h5 \\
        --network network.h5 --group group.h5 --out docs/five_rules.png

kin, direct and indirect are analysis sweeps: N rho_C is read from each point's own file (--keep-points:
FILE.points/rNNNNNNNN.h5, /analysis/fixation_probability[0][1], the cooperator being the second
listed strategy). network is the share of replicates that end all-cooperator (the summary's
final frequency), times N; group is n m times the exact rare-splitting limit (the summary's
rare_split_limit). A mechanism without a file gets an empty panel saying so. experiments/
README.md explains each panel and why the crossing is where it is.
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
from kindest.sweep import sweep_points, sweep_summary  # noqa: E402


def analysis_panel(path):
    """b/c and N rho of the second strategy among the first, from the kept point files."""
    points = sweep_points(path)
    x, y = [], []
    for row in points.row:
        point_file = os.path.join(path + ".points", f"r{int(row):08d}.h5")
        if not os.path.exists(point_file):
            sys.exit(f"plot_five_rules: {point_file} missing: run the sweep with --keep-points")
        with open_result(point_file) as f:
            c = config(f)
            rho = f["analysis/fixation_probability"][()]
        n = c.getint("population", "size")
        x.append(c.getfloat("game", "benefit") / c.getfloat("game", "cost"))
        y.append(n * rho[0, 1])
    return np.array(x), np.array(y), c


def summary_panel(path, measure, strategy, scale):
    s = sweep_summary(path)
    rows = s[(s.measure == measure) & (s.strategy == strategy)].sort_values("game.benefit")
    with open_result(path) as f:
        c = config(f)
    cost = c.getfloat("game", "cost")
    return rows["game.benefit"].to_numpy(float) / cost, rows["value"].to_numpy(float) * scale(c), c


def crossing(x, y):
    """b/c where y first reaches 1 from below (linear interpolation), or None."""
    for k in range(1, len(x)):
        if y[k - 1] < 1 <= y[k]:
            return x[k - 1] + (1 - y[k - 1]) * (x[k] - x[k - 1]) / (y[k] - y[k - 1])
    return None


def figure(kin=None, direct=None, indirect=None, network=None, group=None):
    """Five panels (kin, direct, indirect, network, group) from the sweep files given; a
    panel without a file is empty."""
    panels = []
    if kin:
        x, y, c = analysis_panel(kin)
        r, n = c.getfloat("payoffs", "assortment"), c.getint("population", "size")
        panels.append(("kin selection", f"r = {r:g}, N = {n}", x, y, 1 / r, (n - 1) / (r * n - 1),
                       "rule b/c > 1/r", "finite N: (N-1)/(rN-1)"))
    else:
        panels.append(("kin selection", "", None, None, None, None, "", ""))
    if direct:
        x, y, c = analysis_panel(direct)
        w, n = c.getfloat("match", "continuation_probability"), c.getint("population", "size")
        third = ((n - 2) + (1 - w) * (2 * n - 1)) / ((n - 2) - (1 - w) * (n + 1))
        panels.append(("direct reciprocity", f"TFT vs ALLD, w = {w:g}, N = {n}", x, y, 1 / w, third,
                       "rule b/c > 1/w (ESS)", "N rho > 1: one-third law"))
    else:
        panels.append(("direct reciprocity", "", None, None, None, None, "", ""))
    if indirect:
        # DISC vs ALLD, a reputation known with probability q: Nowak's matrix b - c, -c(1-q),
        # b(1-q), 0 gives the one-third-law line as the direct panel's with w -> q.
        x, y, c = analysis_panel(indirect)
        q, n = c.getfloat("reputation", "knowledge_probability"), c.getint("population", "size")
        third = ((n - 2) + (1 - q) * (2 * n - 1)) / ((n - 2) - (1 - q) * (n + 1))
        panels.append(("indirect reciprocity", f"DISC vs ALLD, q = {q:g}, N = {n}", x, y, 1 / q, third,
                       "rule b/c > 1/q (ESS)", "N rho > 1: one-third law"))
    else:
        panels.append(("indirect reciprocity", "", None, None, None, None, "", ""))
    if network:
        def n_of(c):
            return c.getfloat("population", "size")
        x, y, c = summary_panel(network, "final_frequency", "Cooperator", n_of)
        n = c.getint("population", "size")
        k = {"von_neumann": 4, "moore": 8}[c.get("structure", "neighbourhood")]
        panels.append(("network reciprocity", f"{c.get('structure', 'graph')}, k = {k}, N = {n}, "
                       f"w = {c.get('dynamics', 'selection_intensity')}", x, y, k, (n - 2) / (n / k - 2),
                       "rule b/c > k", "weak sel.: (N-2)/(N/k-2)"))
    else:
        panels.append(("network reciprocity", "", None, None, None, None, "", ""))
    if group:
        def nm(c):
            return c.getfloat("groups", "max_size") * c.getfloat("groups", "count")
        x, y, c = summary_panel(group, "rare_split_limit", "C", nm)
        n, m = c.getint("groups", "max_size"), c.getint("groups", "count")
        panels.append(("group selection", f"n = {n}, m = {m}, q -> 0 exact", x, y, 1 + n / m, 1 + n / (m - 2),
                       "rule b/c > 1 + n/m", "weak sel.: 1 + n/(m-2)"))
    else:
        panels.append(("group selection", "", None, None, None, None, "", ""))

    fig, axes = plt.subplots(1, 5, figsize=(19, 3.9))
    for ax, (title, detail, x, y, rule, expected, rule_label, expected_label) in zip(axes, panels):
        ax.set_title(title + ("\n" + detail if detail else ""), fontsize=9)
        ax.set_xlabel("b/c")
        if x is None:
            note = "no sweep file given"
            ax.text(0.5, 0.5, note, ha="center", va="center", fontsize=8, transform=ax.transAxes)
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        ax.plot(x, y, "o-", ms=3, color="tab:blue", label="measured N rho_C")
        ax.axhline(1, color="grey", lw=0.8, ls=":", label="neutral (N rho = 1)")
        ax.axvline(rule, color="tab:red", lw=1.2, label=rule_label)
        ax.axvline(expected, color="tab:green", lw=1.0, ls="--", label=expected_label)
        found = crossing(x, y)
        if found is not None:
            ax.plot([found], [1], "kx", ms=7, label=f"crossing {found:.3g}")
        ax.legend(fontsize=6.5, loc="upper left")
    axes[0].set_ylabel("N x fixation probability of one cooperator")
    fig.tight_layout()
    return fig


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name in ("kin", "direct", "indirect", "network", "group"):
        parser.add_argument("--" + name, default=None, help=f"sweep file of experiments/nowak_2006_five_rules_{name}.ini")
    parser.add_argument("--out", default="five_rules.png")
    args = parser.parse_args()
    fig = figure(args.kin, args.direct, args.indirect, args.network, args.group)
    fig.savefig(args.out, dpi=110)
    print(f"plot_five_rules: wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
