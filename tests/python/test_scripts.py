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

    def test_missing_file_is_a_clear_error(self):
        r = subprocess.run(["/usr/bin/python3", os.path.join(SCRIPTS, "plot_tournament.py"),
                            os.path.join(self.dir, "missing.h5")], capture_output=True, text=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("cannot read", r.stderr)


if __name__ == "__main__":
    unittest.main()
