"""Checking from outside that a resumed run ends with the bits of an uninterrupted one, as
scripts/kill_campaign.py (kill -9 at random times) and tests/python/test_trajectory.py (SIGINT,
SIGTERM, SIGKILL) both do: configs of the resumable kinds of run (evolution, evolution playing the reputation game,
invasion) of a chosen length, and a bitwise comparison of every dataset of two result files.

    text = kindest.resumable.EVOLUTION.format(seed=5, size=1000, generations=6000, replicates=2,
                                              interval=5) + "flush_every = 20\\n"
    assert kindest.resumable.differences(whole_h5, resumed_h5) == []

Each config ends in its [record] section, so lines appended to the text (flush_every, ...) land
there.
"""
import h5py
import numpy as np

# Payoffs from exact Markov chains among five memory-one rules: cheap per generation, so a run
# of a few thousand generations lasts long enough to be interrupted.
EVOLUTION = """[run]
job = evolution
seed = {seed}
[population]
size = {size}
strategies = ALLC, ALLD, TFT, WSLS, GTFT
[payoffs]
source = exact
[match]
continuation_probability = 0.95
execution_error_rate = 0.01
[dynamics]
process = moran_death_birth
selection_intensity = 0.2
mutation_rate = 0.001
generations = {generations}
replicates = {replicates}
[record]
interval = {interval}
"""
# job = evolution with [payoffs] source = reputation: the checkpoint holds the game's views too.
REPUTATION_EVOLUTION = """[run]
job = evolution
seed = {seed}
[population]
size = {size}
strategies = ALLC, ALLD, DISC
[payoffs]
source = reputation
[game]
type = donation_game
benefit = 5
cost = 1
[reputation]
norm = SternJudging
observation_probability = 0.9
perception_error = 0.05
rounds_per_generation = 2
[dynamics]
process = pairwise_comparison
mutation_rate = 0.01
generations = {generations}
replicates = {replicates}
[record]
interval = {interval}
"""
INVASION = """[run]
job = invasion
seed = {seed}
[invasion]
generations = {generations}
replicates = {replicates}
[record]
interval = {interval}
"""


def datasets(path):
    """Every dataset of the file at `path`, {name: numpy value}, and its `complete` attribute."""
    out = {}
    with h5py.File(path, "r") as f:
        f.visititems(lambda n, o: out.__setitem__(n, o[()]) if isinstance(o, h5py.Dataset) else None)
        complete = int(f.attrs["complete"])
    return out, complete


def same(a, b):
    """The same dtype, shape and bits (NaN equals NaN of the same bits; strings by value)."""
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    return a.tolist() == b.tolist() if a.dtype == object else a.tobytes() == b.tobytes()


def differences(want, got):
    """How the datasets `got` differ from `want` (each a path or a datasets() dict): one line per
    missing, extra or differing dataset, sorted; [] when they are the same bit for bit."""
    want = datasets(want)[0] if isinstance(want, str) else want
    got = datasets(got)[0] if isinstance(got, str) else got
    return ([f"missing {n}" for n in sorted(set(want) - set(got))]
            + [f"extra {n}" for n in sorted(set(got) - set(want))]
            + [f"differs {n}" for n in sorted(set(want) & set(got)) if not same(want[n], got[n])])
