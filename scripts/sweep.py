#!/usr/bin/python3
"""Retired: `kindest sweep` does what this script did (one process and one file per point), in
one process and one file for the whole grid, with threads, replicates and --resume. This thin
driver keeps old command lines working by translating them:

    scripts/sweep.py experiments/imhof_fudenberg_nowak_2007.ini \\
        --set game.benefit=2,3,4,5 --out sweep.h5 [--threads N] [--force]

runs `kindest sweep CONFIG --vary game.benefit=2,3,4,5 -o sweep.h5`. --set run.seed=... becomes
--replicates (a sweep derives each replicate's seed). Read the result with
kindest.sweep_summary("sweep.h5") or `kindest export sweep.h5 --csv`.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_KINDEST = os.path.join(HERE, "..", "build", "engine", "cli", "kindest")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("config")
    parser.add_argument("--set", dest="sets", action="append", required=True, metavar="KEY=V1,V2,...")
    parser.add_argument("--out", required=True, help="the sweep file FILE.h5 (any other name is a directory, as before: OUT/sweep.h5)")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=None, help="ignored: --threads runs points in parallel")
    parser.add_argument("--kindest", default=os.environ.get("KINDEST_CLI", DEFAULT_KINDEST))
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    out = args.out
    if not out.endswith(".h5") or os.path.isdir(out):  # the old OUT/ directory
        os.makedirs(out, exist_ok=True)
        out = os.path.join(out, "sweep.h5")
    cmd = [args.kindest, "sweep", args.config, "-o", out, "--threads", str(args.threads)]
    for s in args.sets:
        key, _, values = s.partition("=")
        if key.strip() == "run.seed":
            cmd += ["--replicates", str(len([v for v in values.split(",") if v.strip()]))]
        else:
            cmd += ["--vary", s]
    if args.force:
        cmd.append("--force")
    return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
