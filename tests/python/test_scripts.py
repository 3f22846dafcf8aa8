#!/usr/bin/python3
"""The plotting scripts run on real result files and write PNGs (run by ctest as python_scripts)."""
import csv
import os
import shutil
import subprocess
import tempfile
import unittest

import h5py

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "..", "..", "scripts")
KINDEST = os.environ.get("KINDEST_CLI", "kindest")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class PlotTournamentTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kindest_scripts_")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_writes_a_png(self):
        h5 = os.path.join(self.dir, "t.h5")
        png = os.path.join(self.dir, "t.png")
        subprocess.run([KINDEST, "tournament", "-q", "--players", "TitForTat,Defector,Random",
                        "--turns", "20", "-o", h5], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["/usr/bin/python3", os.path.join(SCRIPTS, "plot_tournament.py"), h5, "-o", png],
                       check=True, stdout=subprocess.DEVNULL)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), PNG_MAGIC)

    def test_plot_trajectory_writes_a_png(self):
        ini = os.path.join(self.dir, "evo.ini")
        with open(ini, "w") as f:
            f.write("[run]\njob = evolution\n[population]\nsize = 50\n[dynamics]\ngenerations = 200\n"
                    "replicates = 2\nmutation_rate = 0.01\n")
        h5, png = os.path.join(self.dir, "e.h5"), os.path.join(self.dir, "e.png")
        subprocess.run([KINDEST, "run", ini, "-q", "-o", h5], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["/usr/bin/python3", os.path.join(SCRIPTS, "plot_trajectory.py"), h5, "-o", png],
                       check=True, stdout=subprocess.DEVNULL)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), PNG_MAGIC)
        # A tournament file is not an evolution run: a clear error, not a traceback.
        t = os.path.join(self.dir, "t.h5")
        subprocess.run([KINDEST, "tournament", "-q", "--players", "TFT,ALLD", "-o", t], check=True,
                       stdout=subprocess.DEVNULL)
        r = subprocess.run(["/usr/bin/python3", os.path.join(SCRIPTS, "plot_trajectory.py"), t],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no evolution run", r.stderr)

    def test_plot_invasion_writes_a_png(self):
        ini = os.path.join(self.dir, "inv.ini")
        with open(ini, "w") as f:
            f.write("[run]\njob = invasion\n[invasion]\ngenerations = 20000\nreplicates = 3\n"
                    "[record]\ninterval = 100\n")
        h5, png = os.path.join(self.dir, "i.h5"), os.path.join(self.dir, "i.png")
        subprocess.run([KINDEST, "run", ini, "-q", "-o", h5], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["/usr/bin/python3", os.path.join(SCRIPTS, "plot_invasion.py"), h5, "-o", png],
                       check=True, stdout=subprocess.DEVNULL)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), PNG_MAGIC)
        r = subprocess.run(["/usr/bin/python3", os.path.join(SCRIPTS, "plot_invasion.py"), os.path.join(self.dir, "nope.h5")],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot read", r.stderr)

    def test_sweep_runs_the_grid_and_writes_a_manifest(self):
        ini = os.path.join(self.dir, "t.ini")
        with open(ini, "w") as f:
            f.write("[tournament]\nplayers = TitForTat, Random, Defector\nrepetitions = 2\n[match]\nturns = 10\n")
        out = os.path.join(self.dir, "sweep")
        r = subprocess.run(["/usr/bin/python3", os.path.join(SCRIPTS, "sweep.py"), ini,
                            "--set", "match.execution_error_rate=0,0.1", "--set", "run.seed=1,2,3",
                            "--out", out, "--jobs", "2", "--kindest", KINDEST], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "manifest.csv")) as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0][:4], ["file", "match.execution_error_rate", "run.seed", "exit_status"])
        self.assertEqual(len(rows), 7)
        for row in rows[1:]:
            with h5py.File(os.path.join(out, row[0]), "r") as h:
                config = h.attrs["config"]
                config = config.decode() if isinstance(config, bytes) else config
                self.assertIn(f"execution_error_rate = {row[1]}", config)
                self.assertIn(f"seed = {row[2]}", config)
        # A bad value fails its point, and the sweep says so.
        r = subprocess.run(["/usr/bin/python3", os.path.join(SCRIPTS, "sweep.py"), ini, "--set",
                            "match.execution_error_rate=2", "--out", out, "--force", "--kindest", KINDEST],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("outside [0, 1]", r.stderr)

    def test_missing_file_is_a_clear_error(self):
        r = subprocess.run(["/usr/bin/python3", os.path.join(SCRIPTS, "plot_tournament.py"),
                            os.path.join(self.dir, "missing.h5")], capture_output=True, text=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot read", r.stderr)


if __name__ == "__main__":
    unittest.main()
