#!/usr/bin/python3
"""The plotting scripts on real result files: their figure() functions draw the file's values
(lines, labels, bars), and their command lines write a PNG or fail clearly. Run by ctest as
python_scripts."""
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kindest_test_files as files  # noqa: E402

import kindest  # noqa: E402
import plot_five_rules  # noqa: E402
import plot_groups  # noqa: E402
import plot_invasion  # noqa: E402
import plot_stakes  # noqa: E402
import plot_lattice  # noqa: E402
import plot_tournament  # noqa: E402
import plot_trajectory  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

# The reputation game in 3 groups, in-group favouritism among the strategies (scripts/plot_groups.py).
GROUP_EVOLUTION = """[run]
job = evolution
seed = 8
[payoffs]
source = reputation
[game]
type = donation_game
benefit = 5
cost = 1
[population]
size = 30
strategies = DISC, Group(DISC, ALLD), ALLD
[reputation]
norm = SternJudging
assessment = public
interaction = random_pairs
execution_error = 0.02
rounds_per_generation = 3
[groups]
count = 3
in_group_probability = 0.6
[dynamics]
generations = 40
replicates = 2
mutation_rate = 0.05
[record]
interval = 2
"""
# Norms evolving between 3 groups (Murase & Hilbe 2024; the per-group norm panels).
GROUP_NORMS = GROUP_EVOLUTION.replace("assessment = public", "assessment = private").replace(
    "in_group_probability = 0.6", """in_group_probability = 1
shared_views = true
update_within = true
evolve_norms = true
norm_pool = SternJudging, second:0, SimpleStanding
norm_imitation_rate = 0.2
norm_mutation_rate = 0.2""")
GROUP_REPUTATION = """[run]
job = reputation
seed = 8
[game]
type = donation_game
[population]
size = 30
strategies = DISC, Group(DISC, ALLD)
[reputation]
norm = SternJudging
interaction = random_pairs
burn_in = 10
window = 20
replicates = 3
[groups]
count = 3
in_group_probability = 0.5
"""


def script(name, *args):
    return subprocess.run([files.PYTHON, os.path.join(files.SCRIPTS, name), *args], capture_output=True, text=True)


class ScriptsTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kindest_scripts_")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def assert_png(self, r, png):
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), PNG_MAGIC)

    def test_plot_tournament(self):
        h5 = files.tournament(self.dir, "t", "Cooperator,TitForTat,Defector", "--turns", "10", "--no-self-play")
        fig = plot_tournament.figure(h5)
        ax = fig.axes[0]
        ranked = ["Defector", "TitForTat", "Cooperator"]
        self.assertEqual([t.get_text() for t in ax.get_xticklabels()], ranked)
        self.assertEqual([t.get_text() for t in ax.get_yticklabels()],
                         ["Defector (3.20)", "TitForTat (1.95)", "Cooperator (1.50)"])
        image = ax.get_images()[0].get_array()
        # Rows and columns by rank; the diagonal is NaN without self-play.
        expected = np.array([[np.nan, 1.4, 5.0], [0.9, np.nan, 3.0], [0.0, 3.0, np.nan]])
        np.testing.assert_allclose(np.ma.filled(image.astype(float), np.nan), expected)
        self.assertEqual(ax.get_xlabel(), "opponent")
        png = os.path.join(self.dir, "t.png")
        self.assert_png(script("plot_tournament.py", h5, "-o", png), png)

    def test_plot_trajectory(self):
        h5 = files.run_config(self.dir, "e", files.EVOLUTION.format(generations=200, replicates=2, interval=4))
        fig = plot_trajectory.figure(h5)
        lines = fig.axes[0].get_lines()
        self.assertEqual([line.get_label() for line in lines], ["Cooperator", "Defector", "TitForTat", "cooperation"])
        with h5py.File(h5, "r") as f:
            r = f["replicates/r0001"]
            counts, generation = r["counts"][()], r["generation"][()]
            cooperation = r["cooperation_rate"][()]
        lines = fig.axes[2].get_lines()  # replicate 1's trajectory (axes: line, bars per row)
        for k in range(3):
            np.testing.assert_array_equal(lines[k].get_xdata(), generation)
            np.testing.assert_allclose(lines[k].get_ydata(), counts[:, k] / 60)
        np.testing.assert_allclose(lines[3].get_ydata(), cooperation)
        self.assertEqual(fig.axes[2].get_title(), "replicate 0001: 200 generations")
        bars = [p.get_height() for p in fig.axes[3].patches]
        np.testing.assert_allclose(bars, (counts / 60).mean(axis=0))
        # --window keeps the generations asked for.
        window = plot_trajectory.figure(h5, max_replicates=1, window=(40, 80))
        np.testing.assert_array_equal(window.axes[0].get_lines()[0].get_xdata(), np.arange(40, 81, 4))
        self.assertEqual(len(window.axes), 2)
        png = os.path.join(self.dir, "e.png")
        self.assert_png(script("plot_trajectory.py", h5, "-o", png), png)
        # A tournament file is not an evolution run: a clear error, not a traceback.
        t = files.tournament(self.dir, "t", "TFT,ALLD")
        r = script("plot_trajectory.py", t)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no evolution run", r.stderr)

    def test_plot_invasion(self):
        h5 = files.run_config(self.dir, "i", files.INVASION)
        fig = plot_invasion.figure(h5, max_replicates=2)
        self.assertEqual(len(fig.axes), 3)
        with h5py.File(h5, "r") as f:
            mean = f["invasion/r0001/mean_rule"][()]
            generation = f["invasion/r0001/generation"][()]
            corners = f["invasion/final_corner"][()]
        lines = fig.axes[1].get_lines()
        self.assertEqual([line.get_label() for line in lines], ["p_CC", "p_CD", "p_DC", "p_DD", "cooperation"])
        for k in range(4):
            np.testing.assert_array_equal(lines[k].get_xdata(), generation)
            np.testing.assert_array_equal(lines[k].get_ydata(), mean[:, k])
        ks, counts = np.unique(corners, return_counts=True)
        self.assertEqual([p.get_height() for p in fig.axes[2].patches], counts.tolist())
        self.assertEqual([t.get_text() for t in fig.axes[2].get_xticklabels()],
                         [plot_invasion.corner_label(int(k)) for k in ks])
        self.assertIn("3 of 3 replicates finished", fig.axes[2].get_title())
        png = os.path.join(self.dir, "i.png")
        self.assert_png(script("plot_invasion.py", h5, "-o", png, "--log"), png)
        r = script("plot_invasion.py", os.path.join(self.dir, "nope.h5"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot read", r.stderr)

    def test_plot_groups(self):
        h5 = files.run_config(self.dir, "g", GROUP_EVOLUTION)
        fig = plot_groups.figure(h5)
        lines = fig.axes[0].get_lines()
        with h5py.File(h5, "r") as f:
            series = [(f[f"replicates/r{r:04d}/generation"][()], f[f"replicates/r{r:04d}/{name}"][()])
                      for r in range(2) for name in ("in_group_cooperation", "out_group_cooperation")]
        # Per replicate an in-group and an out-group line, then the two means over replicates.
        self.assertEqual(len(lines), 6)
        for line, (generation, y) in zip(lines[:4], series):
            np.testing.assert_array_equal(line.get_xdata(), generation)
            np.testing.assert_array_equal(line.get_ydata(), y)
        with np.errstate(invalid="ignore"):
            np.testing.assert_allclose(lines[4].get_ydata(), np.nanmean([series[0][1], series[2][1]], axis=0))
            np.testing.assert_allclose(lines[5].get_ydata(), np.nanmean([series[1][1], series[3][1]], axis=0))
        self.assertEqual([line.get_label() for line in lines[4:]], ["in-group (mean of 2)", "out-group (mean of 2)"])
        # Favouritism: Group(DISC, ALLD) and ALLD never help the out-group, so in-group cooperation
        # is above out-group cooperation on average.
        self.assertGreater(np.nanmean(lines[4].get_ydata()), np.nanmean(lines[5].get_ydata()))
        png = os.path.join(self.dir, "g.png")
        self.assert_png(script("plot_groups.py", h5, "-o", png), png)
        # job = reputation: bars per replicate.
        rep = files.run_config(self.dir, "rep", GROUP_REPUTATION)
        fig = plot_groups.figure(rep)
        with h5py.File(rep, "r") as f:
            inside, outside = f["reputation/in_group_cooperation"][()], f["reputation/out_group_cooperation"][()]
        heights = [p.get_height() for p in fig.axes[0].patches]
        np.testing.assert_allclose(heights, np.concatenate([inside, outside]))
        self.assert_png(script("plot_groups.py", rep, "-o", png), png)
        # Evolving group norms: the norm of each group over time, and each norm's share of groups.
        norms = files.run_config(self.dir, "n", GROUP_NORMS)
        fig = plot_groups.figure(norms)
        self.assertEqual(len(fig.axes), 3)  # cooperation, each group's norm, the norms' shares
        with h5py.File(norms, "r") as f:
            held = [f[f"replicates/r{r:04d}/group_norm"][()] for r in range(2)]
            generation = f["replicates/r0000/generation"][()]
        np.testing.assert_array_equal(fig.axes[1].get_images()[0].get_array(), held[0].T)
        shares = fig.axes[2].get_lines()
        self.assertEqual([line.get_label() for line in shares], ["SternJudging", "second:0", "SimpleStanding"])
        for k, line in enumerate(shares):
            np.testing.assert_array_equal(line.get_xdata(), generation)
            np.testing.assert_allclose(line.get_ydata(), np.mean([(h == k).mean(axis=1) for h in held], axis=0))
        np.testing.assert_allclose(sum(line.get_ydata() for line in shares), 1.0)
        self.assert_png(script("plot_groups.py", norms, "-o", png), png)
        # An evolution run without the reputation game has no such series: a clear error.
        plain = files.run_config(self.dir, "e", files.EVOLUTION.format(generations=20, replicates=1, interval=5))
        r = script("plot_groups.py", plain)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no in-group cooperation series", r.stderr)

    def test_plot_lattice(self):
        h5 = files.run_config(self.dir, "l", files.LATTICE)
        with h5py.File(h5, "r") as f:
            nodes = f["replicates/r0001/snapshots/strategy"][()]
        # One snapshot: the lattice as rows of 20 nodes, the generation in the title, the shares.
        fig = plot_lattice.figure(h5, replicate=1, generation=7)
        ax = fig.axes[0]
        np.testing.assert_array_equal(ax.get_images()[0].get_array(), nodes[3].reshape(20, 20))
        self.assertEqual(ax.get_title(), "20 x 20 lattice, generation 7")
        c, d = np.mean(nodes[3] == 0), np.mean(nodes[3] == 1)
        self.assertEqual(c + d, 1)
        self.assertEqual([t.get_text() for t in fig.legends[0].get_texts()], [f"C ({c:.3f})", f"D ({d:.3f})"])
        self.assertEqual(plot_lattice.figure(h5).axes[0].get_title(), "20 x 20 lattice, generation 30")
        # The strip: a row of snapshots in generation order, at most --max-panels of them.
        strip = plot_lattice.strip(h5, replicate=1)
        self.assertEqual([a.get_title() for a in strip.axes], [f"generation {g}" for g in (0, 1, 2, 7, 30)])
        for a, k in zip(strip.axes, range(5)):
            np.testing.assert_array_equal(a.get_images()[0].get_array(), nodes[k].reshape(20, 20))
        self.assertEqual([a.get_title() for a in plot_lattice.strip(h5, max_panels=3).axes],
                         ["generation 0", "generation 2", "generation 30"])
        png = os.path.join(self.dir, "l.png")
        self.assert_png(script("plot_lattice.py", h5, "-o", png), png)
        self.assert_png(script("plot_lattice.py", h5, "--strip", "--max-panels", "4", "-o", png), png)
        r = script("plot_lattice.py", h5, "--generation", "8")
        self.assertEqual(r.returncode, 2)
        self.assertIn("has no snapshot of generation 8 (snapshots: 0, 1, 2, 7, 30)", r.stderr)
        # Other graphs have no rows and columns; a lattice run without snapshots has nothing to draw.
        ring = files.run_config(self.dir, "ring", files.LATTICE.replace("square_lattice", "ring"))
        r = script("plot_lattice.py", ring)
        self.assertEqual(r.returncode, 2)
        self.assertIn("[structure] graph = ring: plot_lattice.py needs a square lattice", r.stderr)
        bare = files.run_config(self.dir, "bare", files.LATTICE.replace("snapshots = 0, 1, 2, 7, 30", ""))
        r = script("plot_lattice.py", bare)
        self.assertEqual(r.returncode, 2)
        self.assertIn("has no lattice snapshots", r.stderr)
        plain = files.run_config(self.dir, "e", files.EVOLUTION.format(generations=20, replicates=1, interval=5))
        r = script("plot_lattice.py", plain)
        self.assertEqual(r.returncode, 2)
        self.assertIn("graph = well_mixed", r.stderr)

    def test_sweep_py_drives_kindest_sweep(self):
        # Retired to a thin driver: --set lists become --vary dimensions, run.seed lists replicates.
        ini = os.path.join(self.dir, "t.ini")
        with open(ini, "w") as f:
            f.write("[tournament]\nplayers = TitForTat, Random, Defector\nrepetitions = 2\n[match]\nturns = 10\n")
        out = os.path.join(self.dir, "sweep")
        r = script("sweep.py", ini, "--set", "match.execution_error_rate=0,0.1", "--set", "run.seed=1,2,3",
                   "--out", out, "--jobs", "2", "--kindest", files.KINDEST)
        self.assertEqual(r.returncode, 0, r.stderr)
        points = kindest.sweep_points(os.path.join(out, "sweep.h5"))
        self.assertEqual(len(points), 6)
        self.assertEqual(points["match.execution_error_rate"].tolist(), [0, 0, 0, 0.1, 0.1, 0.1])
        self.assertEqual(points.replicate.tolist(), [0, 1, 2, 0, 1, 2])
        # A bad value is refused before anything runs, and the sweep says so.
        r = script("sweep.py", ini, "--set", "match.execution_error_rate=2", "--out", out, "--force",
                   "--kindest", files.KINDEST)
        self.assertEqual(r.returncode, 2)
        self.assertIn("outside [0, 1]", r.stderr)

    def test_plot_stakes(self):
        h5 = files.run_config(self.dir, "s", files.STAKES, "--stakes.strategy_set=rts_grid", "--dynamics.mutation=local",
                              "--stakes.grid_starts=0.5, 1, 2", "--stakes.grid_increments=0.25, 1")
        fig = plot_stakes.figure([h5, h5], floor=1e-8)
        self.assertEqual(len(fig.axes), 3)  # two panels and the colour bar
        with h5py.File(h5, "r") as f:
            pi = f["stakes/grid_stationary"][()]
        self.assertEqual(pi.shape, (3, 2))
        image = fig.axes[0].get_images()[0].get_array()
        np.testing.assert_allclose(np.asarray(image), np.log10(np.maximum(pi, 1e-8)))
        self.assertEqual([t.get_text() for t in fig.axes[0].get_yticklabels()], ["0.5", "1", "2"])
        self.assertEqual([t.get_text() for t in fig.axes[0].get_xticklabels()], ["0.25", "1"])
        self.assertIn("local mutation", fig.axes[1].get_title())
        png = os.path.join(self.dir, "s.png")
        self.assert_png(script("plot_stakes.py", h5, "--out", png), png)
        # A stakes file without a grid: a clear error.
        listed = files.run_config(self.dir, "listed", files.STAKES)
        r = script("plot_stakes.py", listed)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("strategy_set = rts_grid", r.stderr)

    def test_plot_five_rules(self):
        def sweep(name, vary, *flags):
            out = os.path.join(self.dir, name + ".h5")
            subprocess.run([files.KINDEST, "sweep", os.path.join(files.ROOT, "experiments", f"nowak_2006_five_rules_{name}.ini"),
                            "--vary", vary, "-q", "-o", out, *flags], check=True, stdout=subprocess.DEVNULL)
            return out
        kin = sweep("kin", "game.benefit=3:5:3", "--keep-points")
        group = sweep("group", "game.benefit=1.2:2:3")
        indirect = sweep("indirect", "game.benefit=3:5:3", "--keep-points")
        fig = plot_five_rules.figure(kin=kin, indirect=indirect, group=group)
        measured = fig.axes[0].get_lines()[0]
        np.testing.assert_array_equal(measured.get_xdata(), [3, 4, 5])
        for k, y in enumerate(measured.get_ydata()):
            with h5py.File(os.path.join(kin + ".points", f"r{k:08d}.h5"), "r") as f:
                self.assertAlmostEqual(y, 100 * f["analysis/fixation_probability"][0, 1], places=12)
        # The kin rule 1/r = 4 and the finite-N crossing 99/24 as vertical lines.
        verticals = sorted(line.get_xdata()[0] for line in fig.axes[0].get_lines()[2:4])
        np.testing.assert_allclose(verticals, [4, 99 / 24])
        s = kindest.sweep_summary(group)
        limit = s[s.measure == "rare_split_limit"].value.to_numpy()
        np.testing.assert_allclose(fig.axes[4].get_lines()[0].get_ydata(), 50 * limit)
        self.assertEqual(fig.axes[1].get_lines(), [])  # no direct file: an empty panel
        # Indirect, q = 0.5, N = 50: 50 rho_DISC from the points, the rule 1/q = 2 and the
        # one-third law's (48 + 0.5 x 99) / (48 - 0.5 x 51) as vertical lines.
        ind = fig.axes[2].get_lines()[0]
        for k, y in enumerate(ind.get_ydata()):
            with h5py.File(os.path.join(indirect + ".points", f"r{k:08d}.h5"), "r") as f:
                self.assertAlmostEqual(y, 50 * f["analysis/fixation_probability"][0, 1], places=12)
        verticals = sorted(line.get_xdata()[0] for line in fig.axes[2].get_lines()[2:4])
        np.testing.assert_allclose(verticals, [2, 97.5 / 22.5])
        self.assertIn("no sweep file", fig.axes[3].texts[0].get_text())
        png = os.path.join(self.dir, "five.png")
        self.assert_png(script("plot_five_rules.py", "--kin", kin, "--group", group, "--out", png), png)
        r = script("plot_five_rules.py", "--direct", group)  # a sweep without kept points
        self.assertNotEqual(r.returncode, 0)

    def test_missing_file_is_a_clear_error(self):
        r = script("plot_tournament.py", os.path.join(self.dir, "missing.h5"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot read", r.stderr)


if __name__ == "__main__":
    unittest.main()
