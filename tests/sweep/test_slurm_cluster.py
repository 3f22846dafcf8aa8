#!/usr/bin/env python3
"""scripts/slurm/sweep.sbatch under a real Slurm: a one-node cluster on this machine
(scripts/slurm/local_cluster.sh), jobs submitted with sbatch.

- two tasks with srun --mpi=pmix as the launcher, and two with mpirun inside the allocation:
  each file is the bits of a one-process sweep;
- a job array of two tasks, each its line of a list;
- the time-limit path: SIGTERM to the batch shell, which is what --signal=B:TERM@120 delivers
  before the limit (scancel --signal=TERM --batch), stops an srun job cleanly; the job requeues
  itself, the requeued job resumes, and the file is the bits of the uninterrupted sweep.

Skipped (exit 77) where the cluster cannot be had: not root, or no slurm-wlm.

usage: test_slurm_cluster.py KINDEST"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from sweep_files import committed_rows, contents

HERE = os.path.dirname(os.path.abspath(__file__))
SLURM = os.path.join(HERE, "..", "..", "scripts", "slurm")
SCRIPT = os.path.join(SLURM, "sweep.sbatch")
KINDEST = os.path.abspath(sys.argv[1])
SKIP = 77

# CPU-bound points (a few ms each) so that a sweep of a few hundred lasts seconds.
BASE = """[run]
job = tournament
seed = 11
[tournament]
players = TitForTat, Grudger, Defector, Random(0.5)
repetitions = 10
[match]
turns = 400
execution_error_rate = 0.01
"""


def free_port():
    with socket.socket() as s:
        s.bind(("", 0))
        return s.getsockname()[1]


def main():
    if os.geteuid() != 0:
        print("skipped: a local Slurm needs root")
        return SKIP
    if not (shutil.which("sbatch") and os.path.exists("/usr/sbin/slurmd")):
        print("skipped: no slurm-wlm (scripts/install_deps.sh --test installs it)")
        return SKIP
    failures = []

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory() as d:
        cluster = os.path.join(d, "cluster")
        env = dict(os.environ, SLURMCTLD_PORT=str(free_port()), SLURMD_PORT=str(free_port()))
        for k in [k for k in env if k.startswith("SLURM_") and k != "SLURM_CONF"]:
            del env[k]
        subprocess.run([os.path.join(SLURM, "local_cluster.sh"), "start", cluster], env=env,
                       check=True)
        env.update(SLURM_CONF=os.path.join(cluster, "slurm.conf"), KINDEST=KINDEST)
        try:
            run(d, env, check)
        finally:
            subprocess.run(["scancel", "--full", "--user=root"], env=env)
            subprocess.run([os.path.join(SLURM, "local_cluster.sh"), "stop", cluster], env=env)
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    return 0


def sbatch(env, d, name, args, **extra):
    e = dict(env, **extra)
    r = subprocess.run(["sbatch", "--parsable", "--export=ALL", "-o", os.path.join(d, name + ".log"),
                        "-D", d] + args, env=e, capture_output=True, text=True, check=True)
    return r.stdout.strip().split(";")[0]


def state(env, job):
    r = subprocess.run(["scontrol", "-o", "show", "job", job], env=env, capture_output=True,
                       text=True)
    for word in r.stdout.split():
        if word.startswith("JobState="):
            return word.split("=", 1)[1]
    return "GONE"


def wait_done(env, jobs, seconds=240):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        states = [state(env, j) for j in jobs]
        if all(s in ("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "GONE") for s in states):
            return states
        time.sleep(0.3)
    return [state(env, j) for j in jobs]


def log(d, name):
    with open(os.path.join(d, name + ".log")) as f:
        return f.read()


def run(d, env, check):
    t0 = time.monotonic()
    config = os.path.join(d, "base.ini")
    with open(config, "w") as f:
        f.write(BASE)
    grid = ["--vary", "game.reward=3:3.5:24", "-q"]
    whole = os.path.join(d, "whole.h5")
    subprocess.run([KINDEST, "sweep", config, "-o", whole, "--threads", "1"] + grid, check=True)
    reference, _ = contents(whole)

    # Two tasks, each launcher; a job array of two.
    mpirun_args = "--allow-run-as-root --oversubscribe --mca btl self,vader"
    jobs = {
        "srun": sbatch(env, d, "srun", ["--ntasks=2", SCRIPT, config, "srun.h5"] + grid,
                       MPIRUN="srun --mpi=pmix"),
        "mpirun": sbatch(env, d, "mpirun", ["--ntasks=2", SCRIPT, config, "mpirun.h5"] + grid,
                         MPIRUN_ARGS=mpirun_args),
    }
    listing = os.path.join(d, "sweeps.txt")
    with open(listing, "w") as f:
        f.write(f"# config output options\n{config} a0.h5 -q --vary game.reward=3:3.5:24\n"
                f"{config} a1.h5 -q --vary game.reward=3:3.5:24 --vary game.sucker=0,-1\n")
    jobs["array"] = sbatch(env, d, "array_%a", ["--array=0-1", "--ntasks=1", SCRIPT, "--list",
                                                listing])
    states = wait_done(env, [jobs["srun"], jobs["mpirun"], jobs["array"] + "_0",
                             jobs["array"] + "_1"])
    check(states == ["COMPLETED"] * 4, f"four jobs completed: {states}")
    for name in ("srun", "mpirun"):
        text = log(d, name)
        check(f"sweep.sbatch: {'srun --mpi=pmix' if name == 'srun' else 'mpirun'}" in text,
              f"{name}: the job ran its launcher: {text.splitlines()[:1]}")
        got, complete = contents(os.path.join(d, name + ".h5"))
        check(complete == 1 and got == reference, f"{name}, 2 tasks: the one-process bits")
    got, complete = contents(os.path.join(d, "a0.h5"))
    check(complete == 1 and got == reference, "array task 0: line 1's sweep, its bits")
    got, complete = contents(os.path.join(d, "a1.h5"))
    check(complete == 1 and len(got["sweep/points/point"]) == 2 * len(reference["sweep/points/point"]),
          "array task 1: line 2's sweep, twice the points")

    print(f"{time.monotonic() - t0:.1f} s: the first four jobs")
    # The time limit's SIGTERM, a clean stop, the requeue and the resume.
    long_grid = ["--vary", "game.reward=3:3.5:1200", "-q", "--record.flush_seconds=0",
                 "--match.turns=2000"]
    whole = os.path.join(d, "long.h5")
    subprocess.run([KINDEST, "sweep", config, "-o", whole, "--threads", "2"] + long_grid,
                   check=True)
    reference, _ = contents(whole)
    out = os.path.join(d, "cut.h5")
    job = sbatch(env, d, "cut", ["--ntasks=2", "--requeue", SCRIPT, config, "cut.h5"] + long_grid,
                 MPIRUN="srun --mpi=pmix")
    # SIGTERM once 60 of the 1200 rows are in the file: mid-sweep on any machine, however fast.
    end = time.monotonic() + 120
    while committed_rows(out) < 60 and time.monotonic() < end:
        time.sleep(0.05)
    r = subprocess.run(["scancel", "--signal=TERM", "--batch", job], env=env)
    check(r.returncode == 0, f"scancel --signal=TERM --batch of the running job: {log(d, 'cut')}")
    end = time.monotonic() + 60
    while "requeueing" not in log(d, "cut") and time.monotonic() < end:
        time.sleep(0.1)
    text = log(d, "cut")
    check("exit 130" in text and "requeueing job" in text,
          "SIGTERM: the sweep stopped cleanly and the job requeued: " + text[-400:])
    cut, complete = contents(out)
    check(complete == 0 and 0 < len(cut.get("sweep/points/point", b"")),
          "SIGTERM: the file holds whole rows, marked incomplete")
    # Slurm holds a requeued job for about two minutes; start it now.
    for _ in range(100):
        if state(env, job) == "PENDING":
            break
        time.sleep(0.1)
    subprocess.run(["scontrol", "update", f"jobid={job}", "StartTime=now"], env=env, check=True)
    states = wait_done(env, [job])
    text = log(d, "cut")
    check(states == ["COMPLETED"] and "--resume" in text.split("requeueing")[-1],
          f"the requeued job resumed and completed: {states}")
    got, complete = contents(out)
    check(complete == 1 and got == reference, "requeued and resumed: the uninterrupted bits")


if __name__ == "__main__":
    sys.exit(main())
