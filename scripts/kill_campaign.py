#!/usr/bin/python3
"""Kill -9 campaign: the promise that an interrupted run resumes to the bits of an
uninterrupted one, tried the hostile way (issue 8).

Each trial starts an evolution or invasion run, kills it with SIGKILL at a random time (some
during setup, some near the end), optionally does that again to the resumed run (a double
kill), then finishes it with --resume (or starts it again when the kill came before the file was
set up, which leaves only FILE.partial) and compares every dataset with the uninterrupted run's,
bit for bit. A trial fails when a dataset differs, one is missing or extra, the file is not
marked complete, or a command fails.

  scripts/kill_campaign.py --kindest build/engine/cli/kindest --trials 200
  scripts/kill_campaign.py --quick            # 4 trials, as ctest's kill_campaign_quick

Scenarios: kind of run (evolution, invasion; --runs reputation: evolution with the reputation game) x buffers (default flushing; large buffers
--record.flush_every=20000 --record.flush_seconds=1000; small buffers, a flush every 40
records or 50 ms) x kills (single, double). Exit status 1 if any trial fails.
"""
import argparse
import configparser
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
from kindest import resumable  # noqa: E402

# The runs to kill, by kind: (config, generations at --scale 1). A kind names a resumable kind of
# run, not a job (the reputation kind is job = evolution playing the reputation game); messages
# also show each config's [run] job.
RUNS = {
    "evolution": (resumable.EVOLUTION.format(seed=17, size=200, generations="{generations}",
                                             replicates=4, interval=7), 4000),
    "invasion": (resumable.INVASION.format(seed=23, generations="{generations}", replicates=4,
                                           interval=10), 1000000),
    "reputation": (resumable.REPUTATION_EVOLUTION.format(seed=29, size=150,
                                                         generations="{generations}",
                                                         replicates=4, interval=7), 3000),
}
BUFFERS = {
    "default": [],
    "large": ["--record.flush_every=20000", "--record.flush_seconds=1000"],
    "small": ["--record.flush_every=40", "--record.flush_seconds=0.05"],
}


class Campaign:
    def __init__(self, kindest, workdir, threads, scale):
        self.kindest, self.dir, self.threads = kindest, workdir, threads
        self.configs, self.job, self.reference, self.duration = {}, {}, {}, {}
        for kind, (text, generations) in RUNS.items():
            parsed = configparser.ConfigParser()
            parsed.read_string(text)
            path = os.path.join(workdir, kind + ".ini")
            with open(path, "w") as f:
                f.write(text.format(generations=int(generations * scale)))
            self.configs[kind] = path
            self.job[kind] = parsed.get("run", "job")

    def whole(self, job, buffers):
        """The uninterrupted run's datasets and duration, made when first needed."""
        if (job, buffers) not in self.reference:
            ref = os.path.join(self.dir, f"{job}_{buffers}_whole.h5")
            start = time.time()
            self.run(job, ref, BUFFERS[buffers], check=True)
            self.duration[job, buffers] = time.time() - start
            self.reference[job, buffers] = resumable.datasets(ref)[0]
        return self.reference[job, buffers], self.duration[job, buffers]

    def command(self, job, out, flags, resume=False):
        cmd = [self.kindest, "run", self.configs[job], "-q", "--threads", str(self.threads), "-o", out]
        return cmd + flags + (["--resume"] if resume else ["--force"])

    def run(self, job, out, flags, resume=False, check=False):
        return subprocess.run(self.command(job, out, flags, resume), check=check,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def kill_after(self, job, out, flags, delay, resume):
        proc = subprocess.Popen(self.command(job, out, flags, resume), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)
            return False  # finished (or failed) before the kill
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True

    def continue_run(self, job, out, flags):
        """Resume; start again when the kill left no file; a complete file needs nothing."""
        if not os.path.exists(out):
            return self.run(job, out, flags)
        done = self.run(job, out, flags, resume=True)
        if done.returncode != 0 and "is complete" in done.stderr:
            done.returncode = 0
        return done

    def trial(self, rng, job, buffers, kills):
        flags = BUFFERS[buffers]
        out = os.path.join(self.dir, "trial.h5")
        for path in (out, out + ".partial"):
            if os.path.exists(path):
                os.remove(path)
        want, whole = self.whole(job, buffers)
        delays = []
        for k in range(kills):
            # A fifth of the kills fall in the first 50 ms (setup); the rest anywhere in the run.
            delay = rng.uniform(0, 0.05) if rng.random() < 0.2 else rng.uniform(0, 1.1 * whole)
            delays.append(round(delay, 3))
            resume = k > 0 and os.path.exists(out)
            self.kill_after(job, out, flags, delay, resume)
        done = self.continue_run(job, out, flags)
        where = f"{job} (job = {self.job[job]}) {buffers} kills at {delays}"
        if done.returncode != 0:
            return f"{where}: exit {done.returncode}: {done.stderr.strip()[-300:]}"
        got, complete = resumable.datasets(out)
        if complete != 1:
            return f"{where}: not marked complete"
        bad = resumable.differences(want, got)
        return f"{where}: {', '.join(bad)}" if bad else None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kindest", default=os.environ.get("KINDEST_CLI", "build/engine/cli/kindest"))
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--scale", type=float, default=1.0, help="run length factor")
    parser.add_argument("--quick", action="store_true",
                        help="4 short trials with large buffers, single and double kills (ctest)")
    parser.add_argument("--runs", default="evolution,invasion",
                        help="comma-separated kinds of run: " + ", ".join(RUNS)
                             + " (reputation: job = evolution with [payoffs] source = reputation)")
    args = parser.parse_args(argv)
    kinds = [k.strip() for k in args.runs.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in RUNS]
    if unknown:
        parser.error(f"--runs: unknown kind {', '.join(unknown)}; kinds: {', '.join(RUNS)}")
    buffers_used = list(BUFFERS)
    if args.quick:
        args.trials, args.scale, buffers_used = 4, 0.25, ["large"]
    rng = random.Random(args.seed)
    workdir = tempfile.mkdtemp(prefix="kindest_kill_")
    failures = 0
    try:
        campaign = Campaign(args.kindest, workdir, args.threads, args.scale)
        scenarios = [(j, b, k) for b in buffers_used for k in (1, 2) for j in kinds]
        for t in range(args.trials):
            job, buffers, kills = scenarios[t % len(scenarios)]
            problem = campaign.trial(rng, job, buffers, kills)
            if problem:
                failures += 1
                # Keep what failed for diagnosis: the trial's file (and a .partial one) by trial.
                kept = os.path.join(workdir, f"failed_trial_{t}")
                os.makedirs(kept, exist_ok=True)
                for name in ("trial.h5", "trial.h5.partial"):
                    if os.path.exists(os.path.join(workdir, name)):
                        shutil.copy(os.path.join(workdir, name), kept)
                print(f"trial {t}: FAIL {problem} (files kept in {kept})", flush=True)
            elif (t + 1) % 10 == 0:
                print(f"{t + 1} trials, {failures} failed", flush=True)
        print(f"kill campaign: {args.trials - failures} of {args.trials} trials resumed to the "
              f"uninterrupted run's bits", flush=True)
    finally:
        if failures:
            print(f"kill campaign: the failed trials' files are kept in {workdir}", flush=True)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
