#!/usr/bin/python3
"""A real evolution run with 10 001 replicates (2 strategies, 3 generations): groups r0000 to
r10000 are complete and pass check_format.py, the frames list them in numeric order and the plot
script draws the first ones (issue 7: replicate 10 000 and beyond are named r10000, which a
four-digit pattern and a text sort mishandle). The suite's one run of this size: the writer's
side (every group whole, the last one's checkpoint) is checked here too. Run by ctest as
python_many_replicates."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kindest_test_files as files  # noqa: E402

import kindest  # noqa: E402
import plot_trajectory  # noqa: E402

REPLICATES = 10001
CONFIG = f"""[run]
job = evolution
seed = 11
[population]
size = 10
[dynamics]
generations = 3
replicates = {REPLICATES}
mutation_rate = 0.05
[record]
interval = 2
"""


class ManyReplicatesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kindest_many_")
        cls.path = files.run_config(cls.dir, "many", CONFIG)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_check_format_passes(self):
        r = subprocess.run([files.PYTHON, os.path.join(files.SCRIPTS, "check_format.py"), self.path],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout[-2000:] + r.stderr)
        self.assertIn("conforms to docs/FORMAT.md", r.stdout)

    def test_every_replicate_whole(self):
        with kindest.open_result(self.path) as f:
            self.assertEqual(int(np.ravel(f.attrs["complete"])[0]), 1)
            group = f["replicates"]
            self.assertEqual(len(group), REPLICATES)
            for name in group:
                self.assertEqual(group[name]["generation"].shape, (3,), name)
            last = group["r10000"]
            np.testing.assert_array_equal(last["generation"][()], [0, 2, 3])
            np.testing.assert_array_equal(last["checkpoint/generation"][()], [3])
            np.testing.assert_array_equal(last["counts"][()].sum(axis=1), [10, 10, 10])

    def test_frames_in_numeric_order(self):
        with kindest.open_result(self.path) as f:
            names = kindest.replicate_names(f["replicates"])
            self.assertEqual(names[-2:], ["r9999", "r10000"])
            self.assertEqual(len(names), REPLICATES)
            frame = kindest.trajectory_population(f)
        # Records 0, 2 and the last, 3, per replicate, replicates in order 0 ... 10000.
        self.assertEqual(len(frame), 3 * REPLICATES)
        np.testing.assert_array_equal(frame["replicate"].to_numpy(), np.repeat(np.arange(REPLICATES), 3))
        np.testing.assert_array_equal(frame["generation"].to_numpy(), np.tile([0, 2, 3], REPLICATES))

    def test_plot_script_draws_the_first_replicates(self):
        fig = plot_trajectory.figure(self.path, max_replicates=3)
        self.assertEqual([ax.get_title() for ax in fig.axes[::2]],
                         ["replicate 0000: 3 generations", "replicate 0001: 3 generations",
                          "replicate 0002: 3 generations"])
        png = os.path.join(self.dir, "many.png")
        r = subprocess.run([files.PYTHON, os.path.join(files.SCRIPTS, "plot_trajectory.py"), self.path, "-o", png],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.getsize(png) > 0)


if __name__ == "__main__":
    unittest.main()
