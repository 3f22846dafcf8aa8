#!/usr/bin/python3
"""The plotting scripts run on real result files and write PNGs (run by ctest as python_scripts)."""
import os
import shutil
import subprocess
import tempfile
import unittest

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

    def test_missing_file_is_a_clear_error(self):
        r = subprocess.run(["/usr/bin/python3", os.path.join(SCRIPTS, "plot_tournament.py"),
                            os.path.join(self.dir, "missing.h5")], capture_output=True, text=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot read", r.stderr)


if __name__ == "__main__":
    unittest.main()
