#!/usr/bin/python3
"""Check a Kindest result file against docs/FORMAT.md.

Reads the dataset tables of docs/FORMAT.md (path, shape, dtype, units) and checks that the file
has exactly the documented datasets of its job, with those shapes and dtypes, plus the
requirements listed there. Exit 0 when the file conforms, 1 with one line per problem otherwise.
The checks live in the kindest package (python/kindest/checker.py).

    scripts/check_format.py results/axelrod_1980.h5
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from kindest.checker import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(prog="check_format"))
