#!/usr/bin/python3
"""Run one Kindest config over a grid of parameter values, one result file per point.

    scripts/sweep.py experiments/imhof_fudenberg_nowak_2007.ini \\
        --set game.benefit=2,3,4,5 --set run.seed=1,2 --out sweep/ --jobs 2

Each --set KEY=V1,V2,... adds a dimension (values may not contain commas); the sweep runs the
Cartesian product. Point k is written to OUT/point_0000k.h5, and OUT/manifest.csv lists every
point's file, values and exit status. Runs are independent processes, so --jobs N runs N at a
time; every point is reproducible on its own with the command in the manifest.
"""
import argparse
import csv
import itertools
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_KINDEST = os.path.join(HERE, "..", "build", "engine", "cli", "kindest")


def parse_set(text):
    if "=" not in text:
        raise argparse.ArgumentTypeError(f"--set needs KEY=V1,V2,..., got {text!r}")
    key, values = text.split("=", 1)
    values = [v.strip() for v in values.split(",") if v.strip()]
    if not values:
        raise argparse.ArgumentTypeError(f"--set {key}: no values")
    return key.strip(), values


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("config")
    parser.add_argument("--set", dest="sets", type=parse_set, action="append", required=True,
                        metavar="KEY=V1,V2,...")
    parser.add_argument("--out", required=True, help="output directory (created)")
    parser.add_argument("--jobs", type=int, default=1, help="runs at a time (each may use --threads)")
    parser.add_argument("--threads", type=int, default=0, help="threads per run (0 = all cores)")
    parser.add_argument("--kindest", default=os.environ.get("KINDEST_CLI", DEFAULT_KINDEST))
    parser.add_argument("--force", action="store_true", help="overwrite existing point files")
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    keys = [k for k, _ in args.sets]
    points = list(itertools.product(*[v for _, v in args.sets]))

    def run(k_point):
        k, values = k_point
        path = os.path.join(args.out, f"point_{k:05d}.h5")
        cmd = [args.kindest, "run", args.config, "-q", "--threads", str(args.threads), "-o", path]
        cmd += [f"--{key}={value}" for key, value in zip(keys, values)]
        if args.force:
            cmd.append("--force")
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            print(f"sweep: point {k} failed: {done.stderr.strip()}", file=sys.stderr)
        return path, values, done.returncode, " ".join(cmd)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(run, enumerate(points)))
    with open(os.path.join(args.out, "manifest.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["file"] + keys + ["exit_status", "command"])
        for path, values, status, cmd in results:
            writer.writerow([os.path.basename(path)] + list(values) + [status, cmd])
    failed = sum(1 for r in results if r[2] != 0)
    print(f"sweep: {len(points) - failed}/{len(points)} points written to {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
