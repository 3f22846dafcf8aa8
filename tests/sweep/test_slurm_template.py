#!/usr/bin/env python3
"""scripts/slurm/sweep.sbatch without Slurm: its syntax (bash -n, shellcheck when present), the
command line it builds run for real (MPI ranks through mpirun, or one process), SIGTERM to the
script as Slurm's --signal=B:TERM sends it, then the same script again resuming to the bits of
an uninterrupted sweep, and the job-array form picking its line of a list.

usage: test_slurm_template.py KINDEST [MPIRUN]"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import h5py

from sweep_files import committed_rows, contents

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "..", "scripts", "slurm", "sweep.sbatch")
KINDEST = sys.argv[1]
MPIRUN = sys.argv[2] if len(sys.argv) > 2 else ""

BASE = """[run]
job = analysis
seed = 5
[game]
type = donation_game
benefit = 3
cost = 1
[match]
execution_error_rate = 0.01
[population]
size = 30
strategies = ALLC, ALLD, TFT, WSLS
[payoffs]
source = exact
[dynamics]
process = moran_birth_death
selection_intensity = 0.1
[sweep]
vary = game.benefit=1.5:5:60
vary = match.execution_error_rate=0.001,0.01,0.1
replicates = 3
"""


def env(ntasks, **extra):
    e = dict(os.environ, KINDEST=KINDEST, SLURM_NTASKS=str(ntasks), SLURM_CPUS_PER_TASK="1")
    e.pop("SLURM_JOB_ID", None)  # never scontrol here
    if ntasks > 1:
        e["MPIRUN"] = f"{MPIRUN} -n {ntasks}"
        e["MPIRUN_ARGS"] = "--allow-run-as-root --oversubscribe --mca btl self,vader"
    e.update(extra)
    return e


def main():
    failures = []

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    r = subprocess.run(["bash", "-n", SCRIPT])
    check(r.returncode == 0, "bash -n sweep.sbatch")
    if shutil.which("shellcheck"):
        r = subprocess.run(["shellcheck", SCRIPT], capture_output=True, text=True)
        check(r.returncode == 0, "shellcheck sweep.sbatch " + r.stdout)

    ntasks = 2 if MPIRUN else 1
    with tempfile.TemporaryDirectory() as d:
        config = os.path.join(d, "base.ini")
        with open(config, "w") as f:
            f.write(BASE)
        whole = os.path.join(d, "whole.h5")
        subprocess.run([KINDEST, "sweep", config, "-q", "--threads", "2", "-o", whole], check=True)
        reference, complete = contents(whole)
        check(complete == 1 and len(reference) > 5, "the plain sweep of the [sweep] section")

        # The template's own command line, then SIGTERM as Slurm sends it before the limit, once
        # 160 of the 540 rows are committed: delays (fixed, then a fraction of the plain run's
        # time) found the sweep finishing as the signal came on a faster or quieter machine.
        out = os.path.join(d, "cut.h5")
        args = ["bash", SCRIPT, config, out, "-q", "--record.flush_seconds=0"]
        p = subprocess.Popen(args, env=env(ntasks), stderr=subprocess.PIPE, text=True)
        end = time.monotonic() + 60
        while committed_rows(out) < 160 and time.monotonic() < end:
            time.sleep(0.002)
        p.send_signal(signal.SIGTERM)
        err = p.communicate(timeout=120)[1]
        check("sweep.sbatch: " in err and (not MPIRUN or MPIRUN in err),
              "the script shows the command it runs: " + err.splitlines()[0])
        if p.returncode == 0:
            print("note: the sweep finished before SIGTERM")
        else:
            check(p.returncode == 130, f"SIGTERM: exit 130 (got {p.returncode})")
            check("the same command again resumes it" in err, "SIGTERM: says how to go on")
            check(contents(out)[1] == 0, "SIGTERM: the file is marked incomplete")
        # The requeued job: the same script again, which sees the file and adds --resume.
        r = subprocess.run(args, env=env(ntasks), capture_output=True, text=True)
        check(r.returncode == 0 and "--resume" in r.stderr, "the rerun resumes: " + r.stderr[-300:])
        got, complete = contents(out)
        check(complete == 1 and got == reference, "resumed file = uninterrupted file, bit for bit")
        # Requeued once more (the signal came as it finished): nothing to run, exit 0.
        r = subprocess.run(args, env=env(ntasks), capture_output=True, text=True)
        check(r.returncode == 0 and "is complete; nothing to run" in r.stderr,
              "a complete output: exit 0, nothing run: " + r.stderr[-300:])
        check(contents(out)[0] == reference, "a complete output is left as it was")

        # The job-array form: task 1 runs the second line of the list.
        listing = os.path.join(d, "sweeps.txt")
        a, b = os.path.join(d, "a.h5"), os.path.join(d, "b.h5")
        with open(listing, "w") as f:
            f.write(f"# config output options\n{config} {a} -q --vary game.cost=1\n\n"
                    f"{config} {b} -q --vary game.cost=0.5\n")
        r = subprocess.run(["bash", SCRIPT, "--list", listing], env=env(1, SLURM_ARRAY_TASK_ID="1"),
                           capture_output=True, text=True)
        check(r.returncode == 0 and os.path.exists(b) and not os.path.exists(a),
              "array task 1 runs line 2: " + r.stderr[-300:])
        with h5py.File(b, "r") as f:
            keys = [k.decode() if isinstance(k, bytes) else k for k in f["sweep/keys"][()]]
        check(keys == ["game.benefit", "match.execution_error_rate", "game.cost"],
              f"its grid is the section's and the line's --vary: {keys}")
        r = subprocess.run(["bash", SCRIPT, "--list", listing], env=env(1, SLURM_ARRAY_TASK_ID="5"),
                           capture_output=True, text=True)
        check(r.returncode == 2 and "no line 6" in r.stderr, "a task without a line: exit 2")
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
