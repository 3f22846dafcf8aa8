#!/usr/bin/python3
"""kindest sweep files from Python: the Imhof, Fudenberg & Nowak (2007) phase diagram
(experiments/imhof_fudenberg_nowak_2007_sweep.ini) with its expectations, the format checker on
a sweep file (and on a tampered one), `kindest export --csv` against the pandas reader, and
scripts/plot_sweep.py. Run by ctest as python_sweep."""
import csv
import io
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

EXPERIMENT = os.path.join(files.ROOT, "experiments", "imhof_fudenberg_nowak_2007_sweep.ini")
GRID = ["--vary", "game.benefit=1.2:6:25", "--vary", "match.execution_error_rate=0.001:0.1:7:log"]


def kindest_cli(*args):
    return subprocess.run([files.KINDEST, *args], capture_output=True, text=True)


class SweepTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kindest_sweep_")
        cls.path = os.path.join(cls.dir, "ifn.h5")
        r = kindest_cli("sweep", EXPERIMENT, *GRID, "-q", "-o", cls.path)
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_imhof_fudenberg_nowak_2007_phase_diagram(self):
        s = kindest.sweep_summary(self.path)
        st = s[s.measure == "stationary_probability"]
        best = st.loc[st.groupby(["game.benefit", "match.execution_error_rate"]).value.idxmax()]
        winner = best.pivot_table(index="game.benefit", columns="match.execution_error_rate", values="strategy",
                                  aggfunc="first")
        self.assertEqual(winner.shape, (25, 7))
        self.assertTrue((winner.loc[1.2] == "Defector").all())
        self.assertTrue((winner.loc[6.0] == "WinStayLoseShift").all())
        self.assertFalse(winner.isin(["TitForTat", "Cooperator"]).any().any())
        critical = []
        for eps in winner.columns:
            column = winner[eps].tolist()
            switch = column.index("WinStayLoseShift")
            # One switch: ALLD below, WSLS from there on.
            self.assertEqual(column[:switch], ["Defector"] * switch, eps)
            self.assertEqual(column[switch:], ["WinStayLoseShift"] * (len(column) - switch), eps)
            critical.append(winner.index[switch])
        self.assertEqual(critical, sorted(critical))  # does not decrease with the error rate
        # Error rate 0.01: between 2.2 and 2.4, where the single-point check finds 2.37.
        self.assertAlmostEqual(critical[list(winner.columns).index(0.01)], 2.4)

    def test_file_conforms_and_tampering_fails(self):
        self.assertEqual(kindest.check(self.path), [])
        bad = os.path.join(self.dir, "bad.h5")
        shutil.copy(self.path, bad)
        with h5py.File(bad, "r+") as f:
            f["sweep/points/status"][3] = 7
        self.assertTrue(any("status" in p for p in kindest.check(bad)))

    def test_export_csv_is_the_reader_frame(self):
        r = kindest_cli("export", self.path, "--csv")
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        s = kindest.sweep_summary(self.path)
        self.assertEqual(len(rows), len(s))
        for i in (0, len(rows) // 2, len(rows) - 1):
            self.assertEqual(float(rows[i]["value"]), s.value.iloc[i])  # shortest round-trip text
            self.assertEqual(rows[i]["strategy"], s.strategy.iloc[i])
            self.assertEqual(float(rows[i]["game.benefit"]), s["game.benefit"].iloc[i])
            self.assertEqual(int(rows[i]["seed"]), int(s.seed.iloc[i]))

    def test_plot_sweep_writes_a_png(self):
        png = os.path.join(self.dir, "phase.png")
        r = subprocess.run([files.PYTHON, os.path.join(files.SCRIPTS, "plot_sweep.py"), self.path, "--x",
                            "game.benefit", "--y", "match.execution_error_rate", "--logy", "--z",
                            "stationary_probability", "--strategy", "WinStayLoseShift", "--out", png],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        r = subprocess.run([files.PYTHON, os.path.join(files.SCRIPTS, "plot_sweep.py"), self.path, "--x",
                            "game.cost", "--y", "match.execution_error_rate", "--z", "x"], capture_output=True, text=True)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("does not vary", r.stderr)


if __name__ == "__main__":
    unittest.main()
