#!/usr/bin/python3
"""Evolution and invasion runs seen from outside: a reader follows a file while it is written
(SWMR), an interrupted run (SIGINT, SIGTERM or SIGKILL) leaves a valid file marked incomplete,
and --resume finishes it with exactly the datasets of an uninterrupted run. Run by ctest as
python_trajectory."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kindest_test_files import KINDEST  # noqa: E402

import kindest  # noqa: E402
import kindest.resumable  # noqa: E402

CONFIG = kindest.resumable.EVOLUTION.format(seed=5, size=1000, generations="{generations}", replicates=2,
                                            interval=5) + "flush_every = 20\n"
INVASION_CONFIG = kindest.resumable.INVASION.format(seed=8, generations="{generations}", replicates=2,
                                                    interval=1000) + "flush_every = 5\n"

# Nowak & May on a 50 x 50 lattice (the lattice kernel), with mutation so that it never stops
# changing, and a snapshot every 100 generations (format 1.8): a kill lands between snapshots.
LATTICE_CONFIG = """[run]
job = evolution
seed = 3
[payoffs]
source = matrix
matrix = 1, 0; 1.9, 0
[population]
size = 2500
self_interaction = true
[structure]
graph = square_lattice
update = imitate_best
snapshots = {snapshots}
[dynamics]
mutation_rate = 0.01
generations = {generations}
replicates = 2
[record]
interval = 10
flush_every = 20
"""


def rows_written(path, series):
    try:
        with h5py.File(path, "r", libver="latest", swmr=True) as f:
            return len(f[series])
    except (OSError, KeyError):
        return 0


class InterruptedRun:
    """Runs TEXT (a config) whole once, then starts it again to interrupt; SERIES is a series
    of replicate 0 that grows while the run goes on."""
    TEXT = ""
    SERIES = ""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kindest_trajectory_")
        cls.config = os.path.join(cls.dir, "run.ini")
        with open(cls.config, "w") as f:
            f.write(cls.TEXT)
        cls.whole = os.path.join(cls.dir, "whole.h5")
        subprocess.run([KINDEST, "run", cls.config, "-q", "-o", cls.whole], check=True, stdout=subprocess.DEVNULL)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def start(self, name):
        path = os.path.join(self.dir, name)
        proc = subprocess.Popen([KINDEST, "run", self.config, "-q", "--threads", "1", "-o", path],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        while rows_written(path, self.SERIES) < 60 and time.time() < deadline:
            self.assertIsNone(proc.poll(), "the run finished before it could be interrupted")
            time.sleep(0.02)
        return proc, path

    def resume_and_compare(self, path):
        with kindest.open_result(path) as f:
            self.assertEqual(int(f.attrs["complete"]), 0)
        self.assertEqual(kindest.check(path), [])
        subprocess.run([KINDEST, "run", self.config, "-q", "--resume", "-o", path], check=True,
                       stdout=subprocess.DEVNULL)
        with h5py.File(path, "r") as f:
            self.assertEqual(int(f.attrs["complete"]), 1)
        self.assertEqual(kindest.check(path), [])
        self.assertEqual(kindest.resumable.differences(self.whole, path), [])

    def stop_with(self, sig):
        """SIGINT or SIGTERM: the run checkpoints, exits with 130 and says how to resume."""
        proc, path = self.start(f"signal{int(sig)}.h5")
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        self.assertEqual(proc.returncode, 130)
        self.assertIn("--resume", err)
        self.resume_and_compare(path)

    def test_sigkill_leaves_a_resumable_file(self):
        proc, path = self.start("sigkill.h5")
        proc.kill()
        proc.wait(timeout=60)
        self.resume_and_compare(path)


class TrajectoryTest(InterruptedRun, unittest.TestCase):
    TEXT = CONFIG.format(generations=6000)
    SERIES = "replicates/r0000/generation"

    def test_reader_follows_a_running_file(self):
        proc, path = self.start("swmr.h5")
        with h5py.File(path, "r", libver="latest", swmr=True) as f:
            generation = f["replicates/r0000/generation"]
            before = len(generation)
            deadline = time.time() + 30
            while len(generation) <= before and time.time() < deadline:
                time.sleep(0.05)
                generation.refresh()
            self.assertGreater(len(generation), before)
            self.assertTrue(np.all(np.diff(generation[()].astype(np.int64)) > 0))
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)

    def test_sigint_checkpoints_and_resume_finishes(self):
        self.stop_with(signal.SIGINT)


class InvasionTest(InterruptedRun, unittest.TestCase):
    TEXT = INVASION_CONFIG.format(generations=1000000)
    SERIES = "invasion/r0000/generation"

    def test_sigterm_checkpoints_and_resume_finishes(self):
        self.stop_with(signal.SIGTERM)


class LatticeSnapshotTest(InterruptedRun, unittest.TestCase):
    TEXT = LATTICE_CONFIG.format(generations=30000, snapshots=", ".join(str(g) for g in range(0, 30001, 100)))
    SERIES = "replicates/r0000/generation"

    def test_whole_run_has_every_snapshot(self):
        with h5py.File(self.whole, "r") as f:
            for r in ("r0000", "r0001"):
                self.assertEqual(f[f"replicates/{r}/snapshots/generation"][()].tolist(), list(range(0, 30001, 100)))


if __name__ == "__main__":
    unittest.main()
