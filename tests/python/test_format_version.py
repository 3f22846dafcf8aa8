#!/usr/bin/python3
"""Readers and --resume refuse a file of another format version (FORMAT.md, versioning):
`kindest info` (the C++ reader) refuses another major version, `--resume` any other version.
Run by ctest as python_format_version."""
import os
import shutil
import subprocess
import tempfile
import unittest

import h5py
import numpy as np

KINDEST = os.environ.get("KINDEST_CLI", "kindest")


class FormatVersionTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kindest_version_")
        self.config = os.path.join(self.dir, "run.ini")
        with open(self.config, "w") as f:
            f.write("[run]\njob = evolution\n[dynamics]\ngenerations = 50\n")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def interrupted_file(self, name, version):
        """An evolution file left incomplete, then stamped with `version`."""
        path = os.path.join(self.dir, name)
        subprocess.run([KINDEST, "run", self.config, "-q", "-o", path], check=True,
                       stdout=subprocess.DEVNULL)
        with h5py.File(path, "r+") as f:
            now = [int(v) for v in f.attrs["format_version"]]
            f.attrs["complete"] = np.uint8(0)
            f.attrs.modify("format_version", np.array(version(now), dtype=np.uint32))
        return path

    def run_kindest(self, *args):
        return subprocess.run([KINDEST, *args], capture_output=True, text=True)

    def test_another_major_version_is_refused_by_the_reader_and_resume(self):
        path = self.interrupted_file("major.h5", lambda v: [v[0] + 1, 0])
        info = self.run_kindest("info", path)
        self.assertNotEqual(info.returncode, 0)
        self.assertIn("has format version 2.0", info.stderr)
        resume = self.run_kindest("run", self.config, "-q", "--resume", "-o", path)
        self.assertNotEqual(resume.returncode, 0)
        self.assertIn("format version 2.0", resume.stderr)

    def test_another_minor_version_is_read_but_not_resumed(self):
        path = self.interrupted_file("minor.h5", lambda v: [v[0], v[1] - 1])
        self.assertEqual(self.run_kindest("info", path).returncode, 0)
        resume = self.run_kindest("run", self.config, "-q", "--resume", "-o", path)
        self.assertNotEqual(resume.returncode, 0)
        self.assertIn("finish it with the Kindest that wrote it", resume.stderr)

    def test_this_version_resumes(self):
        path = self.interrupted_file("same.h5", lambda v: v)
        resume = self.run_kindest("run", self.config, "-q", "--resume", "-o", path)
        self.assertEqual(resume.returncode, 0, resume.stderr)


if __name__ == "__main__":
    unittest.main()
