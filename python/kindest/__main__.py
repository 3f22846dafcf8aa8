"""python3 -m kindest FILE: check FILE against docs/FORMAT.md (as scripts/check_format.py)."""
import sys

from .checker import main

sys.exit(main(prog="kindest"))
