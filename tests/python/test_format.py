#!/usr/bin/python3
"""Format tests: files the CLI writes conform to docs/FORMAT.md, and the checker catches
files that do not. Run by ctest as `python_format` with the path of the kindest binary."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))
import check_format  # noqa: E402

KINDEST = os.environ.get("KINDEST_CLI", "kindest")


class FormatTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kindest_format_")
        cls.files = {}
        for name, extra in {
            "self_play": ["--turns", "20", "--noise", "0.05"],
            "no_self_play": ["--no-self-play", "--turns", "20"],
            "random_length": ["--continuation", "0.9"],
        }.items():
            path = os.path.join(cls.dir, name + ".h5")
            subprocess.run([KINDEST, "tournament", "-q", "--players", "TitForTat,Random,Defector,Cycler(CCD)",
                            "--repetitions", "3", "-o", path] + extra, check=True, stdout=subprocess.DEVNULL)
            cls.files[name] = path
        config = os.path.join(cls.dir, "invasion.ini")
        with open(config, "w") as f:
            f.write("[run]\njob = invasion\n[invasion]\ngenerations = 20000\nreplicates = 2\n"
                    "[record]\ninterval = 100\n")
        cls.files["invasion"] = os.path.join(cls.dir, "invasion.h5")
        subprocess.run([KINDEST, "run", config, "-q", "-o", cls.files["invasion"]], check=True,
                       stdout=subprocess.DEVNULL)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_cli_files_conform(self):
        for name, path in self.files.items():
            with self.subTest(name):
                self.assertEqual(check_format.check(path), [])

    def tampered(self, edit):
        path = os.path.join(self.dir, "tampered.h5")
        shutil.copy(self.files["self_play"], path)
        with h5py.File(path, "r+") as f:
            edit(f)
        return check_format.check(path)

    def test_checker_catches_undocumented_dataset(self):
        problems = self.tampered(lambda f: f.create_dataset("tournament/extra", data=[1.0]))
        self.assertTrue(any("undocumented dataset /tournament/extra" in p for p in problems), problems)

    def test_checker_catches_missing_dataset_and_wrong_dtype(self):
        def edit(f):
            del f["tournament/wins"]
            data = f["tournament/turns"][()].astype("f8")
            del f["tournament/turns"]
            f.create_dataset("tournament/turns", data=data)
        problems = self.tampered(edit)
        self.assertTrue(any("missing dataset /tournament/wins" in p for p in problems), problems)
        self.assertTrue(any("/tournament/turns: dtype float64" in p for p in problems), problems)

    def test_checker_catches_broken_invariants(self):
        def edit(f):
            c = f["tournament/cooperation_rate"]
            c[0, 1] = 1.5
            r = f["tournament/ranking"]
            r[0], r[1] = r[1], r[0]
        problems = self.tampered(edit)
        self.assertIn("cooperation_rate outside [0, 1]", problems)
        self.assertTrue(any("ranking" in p for p in problems), problems)

    def test_checker_catches_broken_invasion_invariants(self):
        path = os.path.join(self.dir, "tampered_invasion.h5")
        shutil.copy(self.files["invasion"], path)
        with h5py.File(path, "r+") as f:
            f["invasion/final_corner"][0] = (f["invasion/final_corner"][0] + 1) % 16
            f["invasion/r0001/checkpoint/frequencies"][0] += 0.5
        problems = check_format.check(path)
        self.assertIn("final_corner is not the corner of final_mean_rule", problems)
        self.assertTrue(any("r0001: checkpoint frequencies" in p for p in problems), problems)

    def test_every_documented_dataset_is_written(self):
        documented = {p for p in check_format.documented_datasets(check_format.FORMAT_MD) if p.startswith("/tournament/")}
        with h5py.File(self.files["self_play"], "r") as f:
            written = {"/tournament/" + k for k in f["tournament"].keys()}
            self.assertEqual(written, documented)
            self.assertTrue(np.isfinite(f["tournament/score_per_turn"][()]).all())


if __name__ == "__main__":
    unittest.main()
