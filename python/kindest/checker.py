"""Checks a result file against docs/FORMAT.md: exactly the documented datasets of its job,
with the documented shapes, dtypes and units (read from FORMAT.md's dataset tables, see
format_md.py), and the invariants the page states (sums, ranges, record generations, replicate
groups, ...). check() returns one line per problem; an empty list means the file conforms.

    python3 -m kindest results/axelrod_1980.h5
"""
import argparse
import re
import sys

import h5py
import numpy as np

from . import format_md
from .file import config, open_result, replicate_index, replicate_name, text
from .format_md import FORMAT_MD, REPLICATE_SYMBOL

DTYPES = {"float64": "f8", "uint64": "u8", "uint32": "u4", "uint8": "u1"}
# Groups of one subgroup per replicate (FORMAT.md's rNNNN paths), by the group: the config keys
# of their replicate count and last generation (the stored config holds every section, so they
# cannot be guessed from it). Keyed by what the file holds, not by job: a new job that writes one
# of these groups is checked as it is; one with a new group gets its line here.
REPLICATED = {"/replicates/": {"replicates": ("dynamics", "replicates"), "generations": ("dynamics", "generations")},
              "/invasion/": {"replicates": ("invasion", "replicates"), "generations": ("invasion", "generations")}}
SERIES_AXIS = "T"  # the shape symbol of a series' record axis
SNAPSHOT_AXIS = "G"  # the shape symbol of /replicates/rNNNN/snapshots' axis ([structure] snapshots)


class Contents:
    """The datasets of an open file, each opened at most once and read at most once: a file
    may hold 10^4 to 10^6 replicate groups, so this uses h5py's low-level calls, about ten
    times cheaper than the high-level ones for opening a dataset."""

    def __init__(self, f):
        self.file = f
        self.paths = set()

        def visit(name, info):
            if info.type == h5py.h5o.TYPE_DATASET:
                self.paths.add("/" + (name.decode() if isinstance(name, bytes) else name))

        h5py.h5o.visit(f.id, visit, info=True)
        self._ids, self._values = {}, {}

    def __contains__(self, path):
        return path in self.paths

    def dataset(self, path):
        """The low-level dataset (shape, dtype) at `path`."""
        if path not in self._ids:
            self._ids[path] = h5py.h5d.open(self.file.id, path.encode())
        return self._ids[path]

    def high_level(self, path):
        return h5py.Dataset(self.dataset(path))

    def has_attribute(self, path, name):
        return h5py.h5a.exists(self.dataset(path), name.encode())

    def __getitem__(self, path):
        """The value of the numeric dataset at `path`, as numpy."""
        if path not in self._values:
            d = self.dataset(path)
            value = np.empty(d.shape, dtype=d.dtype)
            if value.size:
                d.read(h5py.h5s.ALL, h5py.h5s.ALL, value)
            self._values[path] = value
        return self._values[path]

    def length(self, path):
        return self.dataset(path).shape[0]

    def view(self, group):
        """Values under `group`: view("/tournament")["wins"] is self["/tournament/wins"]."""
        return _View(self, group.rstrip("/") + "/")


class _View:
    def __init__(self, contents, prefix):
        self.contents, self.prefix = contents, prefix

    def __getitem__(self, name):
        return self.contents[self.prefix + name]

    def __contains__(self, name):
        return self.prefix + name in self.contents

    def length(self, name):
        return self.contents.length(self.prefix + name)


def _documented_units(units):
    return "-" if units in ("–", "—", "-") else units


def check(path, format_md_path=FORMAT_MD):
    """Problems of the file at `path` (a list of str; empty when it conforms). Raises OSError
    when the file cannot be opened, ValueError when FORMAT.md cannot be read."""
    fmt = format_md.parse(format_md_path)
    with open_result(path, check_version=False) as f:
        problems = _check_root(f, fmt)
        if problems:
            return problems
        job = text(f.attrs["job"])
        contents = Contents(f)
        present = contents.paths
        documented = fmt.for_job(job, config(f))
        problems += _check_replicate_groups(f, documented)
        expected = _expand(f, documented)
        for p in sorted(set(present) - set(expected)):
            problems.append(f"undocumented dataset {p}")
        for p in sorted(set(expected) - set(present)):
            problems.append(f"missing dataset {p}")
        problems += _check_datasets(contents, expected)
        if not problems:
            problems += _check_series(contents, documented)
        if not problems:
            for group, group_check in GROUP_CHECKS.items():
                if any(d.path.startswith(group + "/") for d in documented):
                    problems += group_check(contents)
    return problems


def _check_root(f, fmt):
    problems = []
    for attr in fmt.attributes:
        if attr not in f.attrs:
            problems.append(f"missing root attribute {attr}")
    if problems:
        return problems
    name = text(f.attrs["format_name"])
    if name != fmt.name:
        return [f"root attribute format_name = {name!r}, expected {fmt.name!r}: not a Kindest result file"]
    version = np.atleast_1d(f.attrs["format_version"])
    if len(version) != 2 or int(version[0]) != fmt.major:
        return [f"unknown format_version {version.tolist()}: this checker reads major version {fmt.major} "
                f"(docs/FORMAT.md documents [{fmt.major}, {fmt.minor}])"]
    job = text(f.attrs["job"])
    if job not in fmt.jobs:
        return [f"unknown job {job!r}; FORMAT.md documents {', '.join(fmt.jobs)}"]
    try:
        config(f)
    except Exception as e:  # configparser raises several error types
        return [f"root attribute config is not INI text: {e}"]
    return []


def _replicate_parents(documented):
    """Groups that hold one subgroup per replicate, e.g. /replicates/ (from /replicates/rNNNN/...)."""
    return sorted({d.path.split(REPLICATE_SYMBOL)[0] for d in documented if REPLICATE_SYMBOL in d.path})


def _replicate_groups(f, parent):
    group = f.get(parent.rstrip("/"))
    if not isinstance(group, h5py.Group):
        return []
    return sorted((k for k in group.keys() if replicate_index(k) is not None), key=replicate_index)


def _expand(f, documented):
    """{file path: Dataset} with rNNNN replaced by every replicate group present."""
    expected = {}
    for d in documented:
        if REPLICATE_SYMBOL in d.path:
            parent = d.path.split(REPLICATE_SYMBOL)[0]
            for r in _replicate_groups(f, parent):
                expected[d.path.replace(REPLICATE_SYMBOL, r)] = d
        else:
            expected[d.path] = d
    return expected


def _check_replicate_groups(f, documented):
    """Replicate groups are r0000 ... r(R-1), contiguous and named as the engine names them; a
    complete file has all R of the config."""
    problems = []
    complete = bool(f.attrs["complete"])
    for parent in _replicate_parents(documented):
        counted = parent in REPLICATED  # a group FORMAT.md documents but REPLICATED lacks: no count
        if counted:
            section, key = REPLICATED[parent]["replicates"]
            replicates = config(f).getint(section, key)
        names = _replicate_groups(f, parent)
        indices = [replicate_index(n) for n in names]
        for n in names:
            if n != replicate_name(replicate_index(n)):
                problems.append(f"{parent}{n}: replicate group name is not {replicate_name(replicate_index(n))}")
        if indices != list(range(len(indices))):
            missing = sorted(set(range(max(indices, default=-1) + 1)) - set(indices))
            problems.append(f"{parent}: replicate groups are not contiguous from r0000 "
                            f"(missing {', '.join(replicate_name(i) for i in missing[:5])}"
                            f"{', ...' if len(missing) > 5 else ''})")
        if counted and (len(names) > replicates or (complete and len(names) != replicates)):
            problems.append(f"{parent}: {len(names)} replicate groups, [{section}] {key} = {replicates}")
    return problems


def _check_datasets(contents, expected):
    problems = []
    symbols = {}
    # Units are compared with FORMAT.md outside replicate groups and in the first and last
    # replicate group (reading a string attribute costs as much as reading a small dataset, and
    # one writer code path names every replicate's series); their presence is checked everywhere.
    replicates = sorted({m.group(1) for p in expected if (m := re.search(r"/(r\d{4,})/", p))}, key=replicate_index)
    compared = set(replicates[:1] + replicates[-1:])
    for p in sorted(set(expected) & contents.paths):
        doc, d = expected[p], contents.dataset(p)
        replicate = re.search(r"/(r\d{4,})/", p)
        # T differs between replicates, and _check_series compares the series of one replicate.
        if len(d.shape) != len(doc.shape):
            problems.append(f"{p}: rank {len(d.shape)}, documented {doc.shape}")
            continue
        for sym, n in zip(doc.shape, d.shape):
            # Each sweep table (points, summary, columns, failures) has its own row count: check_sweep.
            if (replicate or p.startswith("/sweep/")) and sym == SERIES_AXIS:
                continue
            # Snapshots grow as a replicate runs: an incomplete file's replicates hold different G.
            if replicate and sym == SNAPSHOT_AXIS:
                continue
            if sym.isdigit():
                if int(sym) != n:
                    problems.append(f"{p}: dimension {n}, documented {sym}")
            elif symbols.setdefault(sym, n) != n:
                problems.append(f"{p}: dimension {sym} = {n}, elsewhere {symbols[sym]}")
        if "string" in doc.dtype:
            if d.dtype.kind not in ("O", "S", "U"):
                problems.append(f"{p}: dtype {d.dtype}, documented string")
            else:
                try:
                    contents.high_level(p).asstr()[()]
                except UnicodeDecodeError as e:
                    problems.append(f"{p}: a string is not valid UTF-8 ({e.reason} at byte {e.start})")
        elif doc.dtype not in DTYPES:
            problems.append(f"{p}: FORMAT.md documents an unknown dtype {doc.dtype!r}")
        elif d.dtype != np.dtype(DTYPES[doc.dtype]).newbyteorder("<"):
            problems.append(f"{p}: dtype {d.dtype}, documented {doc.dtype}")
        for a in ("units", "description"):
            if not contents.has_attribute(p, a):
                problems.append(f"{p}: missing attribute {a}")
        if (not replicate or replicate.group(1) in compared) and contents.has_attribute(p, "units"):
            units = text(contents.high_level(p).attrs["units"])
            if units != _documented_units(doc.units):
                problems.append(f"{p}: units {units!r}, documented {doc.units!r}")
    return problems


def record_count(last, interval):
    """How many records a replicate run to generation `last` has: 0, every interval-th, and the last."""
    return last // interval + 1 + (1 if last % interval else 0)


def expected_generations(last, interval, count):
    """The first `count` record generations of a run to `last` (never more than record_count):
    0, interval, 2 interval, ..., and `last`. Only `count` of them are made, as `last` may be 10^12."""
    count = min(count, record_count(last, interval))
    records = np.arange(count, dtype=np.int64) * interval
    if count and count == record_count(last, interval):
        records[-1] = last
    return records


def _check_series(contents, documented):
    """In every replicate: the series (datasets with the record axis T) have one length; the
    generations are the record generations from 0 without gap or duplicate; the checkpoint is
    not ahead of the rows; a complete file has the last generation's record."""
    problems = []
    f = contents.file
    stored = config(f)
    complete = bool(f.attrs["complete"])
    for parent in _replicate_parents(documented):
        if parent not in REPLICATED:
            continue
        last = stored.getint(*REPLICATED[parent]["generations"])
        interval = stored.getint("record", "interval")
        records = record_count(last, interval)
        prefix = parent + REPLICATE_SYMBOL + "/"
        series = [d.path[len(prefix):] for d in documented
                  if d.path.startswith(prefix) and d.shape[:1] == (SERIES_AXIS,)]
        for name in _replicate_groups(f, parent):
            r = contents.view(parent + name)
            where = f"{parent}{name}"
            lengths = {s: r.length(s) for s in series}
            if len(set(lengths.values())) > 1 and complete:
                problems.append(f"{where}: series of different lengths "
                                + ", ".join(f"{s} {n}" for s, n in sorted(lengths.items())))
                continue
            # An incomplete file may end ragged: a writer killed between flushing its series leaves
            # some longer than others past the checkpoint, and resume truncates every series to the
            # rows the checkpoint covers (FORMAT.md, Checkpoints). Judge it by the shortest.
            shortest = min(lengths.values()) if lengths else 0
            gen = r["generation"].astype(np.int64)[:shortest]
            checkpoint = int(r["checkpoint/generation"][0])
            if len(gen) == 0:
                if complete:
                    problems.append(f"{where}: complete file, but no records")
                elif checkpoint != 0:
                    problems.append(f"{where}: no records, but the checkpoint is at generation {checkpoint}")
                continue
            problems += _generation_problems(where, gen, expected_generations(last, interval, len(gen) + 1),
                                             interval, records)
            # Records of generations up to the checkpoint: 0, every interval-th, and the last.
            covered = checkpoint // interval + 1 + (1 if checkpoint == last and last % interval else 0)
            if checkpoint > last:
                problems.append(f"{where}: checkpoint generation {checkpoint} is after the last generation {last}")
            elif checkpoint > 0 and len(gen) < covered:
                problems.append(f"{where}: checkpoint at generation {checkpoint} is ahead of the records "
                                f"(last record generation {gen[-1]}); records were lost")
            if complete and (gen[-1] != last or checkpoint != last):
                problems.append(f"{where}: complete file, but the last record is generation {gen[-1]} and the "
                                f"checkpoint {checkpoint}, not the last generation {last}")
    return problems


def _generation_problems(where, gen, expected, interval, records):
    if gen[0] != 0:
        return [f"{where}: the first record is generation {gen[0]}, not 0"]
    step = np.diff(gen)
    if np.any(step == 0):
        k = int(np.argmax(step == 0)) + 1
        return [f"{where}: duplicate record of generation {gen[k]} (record {k})"]
    if np.any(step < 0):
        k = int(np.argmax(step < 0)) + 1
        return [f"{where}: generation decreases at record {k} ({gen[k - 1]} then {gen[k]})"]
    if len(gen) > records:
        return [f"{where}: {len(gen)} records, more than the {records} of a run to its last generation"]
    if not np.array_equal(gen, expected[:len(gen)]):
        k = int(np.argmax(gen != expected[:len(gen)]))
        if gen[k] > expected[k]:
            return [f"{where}: gap in the records: generation {expected[k]} missing before {gen[k]} "
                    f"([record] interval = {interval})"]
        return [f"{where}: record {k} is generation {gen[k]}, expected {expected[k]} ([record] interval = {interval})"]
    return []


def check_tournament(contents):
    problems = []
    t = contents.view("/tournament")
    stored = config(contents.file)
    self_play = stored.getboolean("tournament", "self_play")
    reps = stored.getint("tournament", "repetitions")
    fixed = stored.getfloat("match", "continuation_probability") == 0
    turns_per_match = stored.getint("match", "turns")
    c = t["cooperation_rate"]
    n = c.shape[0]
    if n < 2 and not self_play:
        problems.append(f"{n} player without self-play: no match was played")
    off = ~np.eye(n, dtype=bool)
    for name in ["score_per_turn", "score_per_turn_std", "cooperation_rate", "cooperation_rate_std"]:
        v = t[name]
        if not np.all(np.isfinite(v[off])):
            problems.append(f"{name} is not finite off the diagonal")
        if n and np.all(np.isnan(np.diag(v))) == self_play:
            problems.append(f"{name}: diagonal NaN-ness disagrees with self_play = {self_play}")
        if name.endswith("_std") and np.any(v[np.isfinite(v)] < 0):
            problems.append(f"{name} has negative entries")
    if np.any((c[np.isfinite(c)] < 0) | (c[np.isfinite(c)] > 1)):
        problems.append("cooperation_rate outside [0, 1]")
    turns, wins = t["turns"], t["wins"]
    if not np.array_equal(turns, turns.T):
        problems.append("turns is not symmetric")
    if np.any((wins + wins.T)[off] > reps):
        problems.append("wins[i, j] + wins[j, i] exceeds repetitions")
    if fixed:
        expected = np.full((n, n), turns_per_match * reps)
        if not self_play:
            np.fill_diagonal(expected, 0)
        if not np.array_equal(turns, expected):
            problems.append("turns differs from turns x repetitions")
    ranking, mean = t["ranking"], t["mean_score_per_turn"]
    if sorted(ranking.tolist()) != list(range(n)):
        problems.append("ranking is not a permutation")
    elif np.any(np.diff(mean[ranking]) > 0):
        problems.append("mean_score_per_turn is not non-increasing along ranking")
    return problems


def check_replicates(contents):
    problems = []
    size = config(contents.file).getint("population", "size")
    for name in _replicate_groups(contents.file, "/replicates/"):
        r = contents.view("/replicates/" + name)
        counts, payoff, coop = r["counts"], r["mean_payoff"], r["cooperation_rate"]
        if len(counts) == 0:
            continue
        if np.any(counts.sum(axis=1, dtype=np.int64) != size):
            problems.append(f"{name}: a counts row does not sum to the population size {size}")
        if np.any(r["checkpoint/counts"].sum(dtype=np.int64) != size):
            problems.append(f"{name}: checkpoint counts do not sum to the population size {size}")
        if not np.array_equal(np.isnan(payoff), counts == 0):
            problems.append(f"{name}: mean_payoff NaN-ness differs from count = 0")
        finite = coop[np.isfinite(coop)]
        if np.any((finite < 0) | (finite > 1)):
            problems.append(f"{name}: cooperation_rate outside [0, 1]")
        problems += _group_problems(contents, r, name, size)
        problems += _snapshot_problems(contents, r, name)
    return problems


def snapshot_generations(stored):
    """[structure] snapshots of a file's config as a list of generations ([] for none)."""
    text = stored.get("structure", "snapshots", fallback="none").strip()
    return [] if text == "none" else [int(float(g)) for g in text.split(",") if g.strip()]


def _snapshot_problems(contents, r, name):
    """[structure] snapshots (FORMAT.md, Snapshots): the generations taken so far, in the
    config's order; strategies below S; a snapshot of a recorded generation has its counts."""
    if "snapshots/generation" not in r:
        return []
    stored = config(contents.file)
    listed = snapshot_generations(stored)
    gen = r["snapshots/generation"].astype(np.int64)
    nodes = r["snapshots/strategy"]
    problems = []
    if len(nodes) != len(gen):
        return [f"{name}: {len(gen)} snapshot generations but {len(nodes)} snapshots"]
    if gen.tolist() != listed[:len(gen)] or (bool(contents.file.attrs["complete"]) and len(gen) != len(listed)):
        return [f"{name}: snapshots of generations {gen.tolist()}, [structure] snapshots = {listed}"]
    s = r["counts"].shape[1]
    if len(nodes) and int(nodes.max()) >= s:
        problems.append(f"{name}: a snapshot holds a strategy index >= S = {s}")
        return problems
    recorded = {int(g): k for k, g in enumerate(r["generation"])}
    for k, g in enumerate(gen.tolist()):
        if g in recorded and not np.array_equal(np.bincount(nodes[k], minlength=s), r["counts"][recorded[g]]):
            problems.append(f"{name}: the snapshot of generation {g} does not have that record's counts")
    return problems


def _group_problems(contents, r, name, size):
    """Reputation-game trajectories (format 1.7): group sizes sum to the population size in
    every record and checkpoint, groups keep a member, cooperation is a fraction, and each
    group's norm is an entry of /groups/norm_pool."""
    if "group_size" not in r:
        return []
    problems = []
    sizes = r["group_size"]
    if len(sizes) and np.any(sizes.sum(axis=1, dtype=np.int64) != size):
        problems.append(f"{name}: a group_size row does not sum to the population size {size}")
    if np.any(sizes == 0):
        problems.append(f"{name}: an empty group in group_size")
    groups = sizes.shape[1] if sizes.ndim == 2 else 0
    tags = r["checkpoint/group_of"]
    if len(tags) != size or np.any(tags >= max(groups, 1)):
        problems.append(f"{name}: checkpoint/group_of is not one group index below M = {groups} per individual")
    coop = r["group_cooperation"]
    finite = coop[np.isfinite(coop)]
    if np.any((finite < 0) | (finite > 1)):
        problems.append(f"{name}: group_cooperation outside [0, 1]")
    if "group_norm" in r:
        pool = contents.dataset("/groups/norm_pool").shape[0] if "/groups/norm_pool" in contents else 0
        if np.any(r["group_norm"] >= pool) or np.any(r["checkpoint/group_norm"] >= pool):
            problems.append(f"{name}: a group_norm is not an index into /groups/norm_pool ({pool} norms)")
    return problems


def check_invasion(contents):
    problems = []
    complete = bool(contents.file.attrs["complete"])
    inv = contents.view("/invasion")
    for name in _replicate_groups(contents.file, "/invasion/"):
        r = contents.view("/invasion/" + name)
        gen = r["generation"]
        if len(gen) == 0:
            continue
        rules = np.concatenate([r["mean_rule"].ravel(), r["dominant_rule"].ravel()])
        if np.any((rules < 0) | (rules > 1)):
            problems.append(f"{name}: a rule probability outside [0, 1]")
        if np.any(r["residents"] < 1):
            problems.append(f"{name}: a record with no residents")
        top = r["dominant_frequency"]
        if np.any((top <= 0) | (top > 1)):
            problems.append(f"{name}: dominant_frequency outside (0, 1]")
        coop = r["cooperation_rate"]
        if np.any((coop < 0) | (coop > 1)):
            problems.append(f"{name}: cooperation_rate outside [0, 1]")
        x = r["checkpoint/frequencies"]
        k = int(np.sum(~np.isnan(x)))
        if not np.all(np.isnan(x[k:])) or not np.isclose(x[:k].sum(), 1, atol=1e-9):
            problems.append(f"{name}: checkpoint frequencies are not a probability vector and NaN padding")
        elif int(r["checkpoint/generation"][0]) == int(gen[-1]) and k != int(r["residents"][-1]):
            problems.append(f"{name}: checkpoint holds {k} rules, the last record {r['residents'][-1]}")
    if complete:
        mean, corner = inv["final_mean_rule"], inv["final_corner"]
        if np.any(np.isnan(mean)) or not np.array_equal(corner, (mean >= 0.5) @ np.array([8, 4, 2, 1])):
            problems.append("final_corner is not the corner of final_mean_rule")
    return problems


def check_analysis(contents):
    problems = []
    a = contents.view("/analysis")
    rho, t, pi = a["fixation_probability"], a["transition_matrix"], a["stationary_distribution"]
    if np.any((rho < 0) | (rho > 1)):
        problems.append("fixation_probability outside [0, 1]")
    if not np.allclose(t.sum(axis=1), 1, atol=1e-12):
        problems.append("transition_matrix rows do not sum to 1")
    if np.any(pi < 0) or not np.isclose(pi.sum(), 1, atol=1e-12):
        problems.append("stationary_distribution is not a probability vector")
    return problems


def check_replicator(contents):
    problems = []
    r = contents.view("/replicator")
    time, x = r["time"], r["frequencies"]
    if len(time) == 0 or time[0] != 0 or np.any(np.diff(time) <= 0):
        problems.append("time does not increase strictly from 0")
    if np.any((x < 0) | (x > 1)) or not np.allclose(x.sum(axis=1), 1, atol=1e-9):
        problems.append("frequencies are not on the simplex")
    return problems


def check_reputation(contents):
    """/reputation: fractions in [0, 1] (or NaN), one replicate axis, S x S matrices, counts
    summing to [population] size."""
    problems = []
    r = contents.view("/reputation")
    s = contents.length("/reputation/strategies")
    n_rep = contents.length("/reputation/cooperation_rate")
    for name in ("cooperation_rate", "cooperation_by_strategy", "good_fraction"):
        x = r[name]
        finite = x[np.isfinite(x)]
        if np.any((finite < 0) | (finite > 1)):
            problems.append(f"/reputation/{name} outside [0, 1]")
    for name, shape in (("cooperation_by_strategy", (n_rep, s, s)), ("good_fraction", (n_rep, s, s)),
                        ("payoff", (n_rep, s)), ("counts", (s,)), ("norm", (s,))):
        got = tuple(contents.dataset("/reputation/" + name).shape)
        if got != shape:
            problems.append(f"/reputation/{name} has shape {got}, expected {shape}")
    size = config(contents.file).getint("population", "size")
    if int(np.sum(r["counts"])) != size:
        problems.append(f"/reputation/counts sum to {int(np.sum(r['counts']))}, not [population] size = {size}")
    return problems


def check_multilevel(contents):
    """/multilevel: one entry per run, mutant_fixed 0 or 1, splits <= births."""
    problems = []
    r = contents.view("/multilevel")
    runs = config(contents.file).getint("dynamics", "replicates")
    for name in ("mutant_fixed", "births", "splits"):
        if contents.length("/multilevel/" + name) != runs:
            problems.append(f"/multilevel/{name} has length {contents.length('/multilevel/' + name)}, "
                            f"not [dynamics] replicates = {runs}")
    if not np.all((r["mutant_fixed"] == 0) | (r["mutant_fixed"] == 1)):
        problems.append("/multilevel/mutant_fixed is not 0 or 1")
    if np.any(r["splits"] > r["births"]):
        problems.append("/multilevel/splits exceed births")
    return problems


def check_upstream(contents):
    """/upstream: probabilities in [0, 1], a stationary distribution, monomorphic chains of at
    least one act, payoff tables (S, S, N - 1) that are NaN exactly on the diagonal pairs."""
    problems = []
    u = contents.view("/upstream")
    s = contents.length("/upstream/strategies")
    size = config(contents.file).getint("population", "size")
    for name in ("direct", "upstream", "fixation_probability", "stationary_distribution"):
        x = u[name]
        if np.any(~np.isfinite(x)) or np.any((x < 0) | (x > 1)):
            problems.append(f"/upstream/{name} outside [0, 1]")
    if not np.isclose(np.sum(u["stationary_distribution"]), 1, atol=1e-12):
        problems.append("/upstream/stationary_distribution does not sum to 1")
    if np.any(~(u["acts_per_chain"] >= 1)):
        problems.append("/upstream/acts_per_chain below 1")
    diagonal = np.eye(s, dtype=bool)[:, :, None]
    for name in ("payoff_mutant", "payoff_resident"):
        x = u[name]
        if x.shape != (s, s, size - 1):
            problems.append(f"/upstream/{name} has shape {x.shape}, expected {(s, s, size - 1)}")
        elif not np.array_equal(np.isnan(x), np.broadcast_to(diagonal, x.shape)):
            problems.append(f"/upstream/{name} is not NaN exactly on the diagonal pairs")
    return problems


def check_stakes(contents):
    """/stakes: first investments >= 0, finite payoffs, fixation probabilities in [0, 1] with
    1/N on the diagonal, a stationary distribution."""
    problems = []
    k = contents.view("/stakes")
    size = config(contents.file).getint("population", "size")
    if np.any(~(k["first_investment"] >= 0)):
        problems.append("/stakes/first_investment below 0")
    if np.any(~np.isfinite(k["payoff"])):
        problems.append("/stakes/payoff not finite")
    rho = k["fixation_probability"]
    if np.any(~np.isfinite(rho)) or np.any((rho < 0) | (rho > 1)):
        problems.append("/stakes/fixation_probability outside [0, 1]")
    elif not np.allclose(np.diag(rho), 1 / size, rtol=1e-12):
        problems.append("/stakes/fixation_probability: diagonal is not 1/N")
    x = k["stationary_distribution"]
    if np.any(~(x >= 0)) or not np.isclose(np.sum(x), 1, atol=1e-12):
        problems.append("/stakes/stationary_distribution does not sum to 1")
    if "/stakes/grid_stationary" in contents:  # [stakes] strategy_set = rts_grid (format 1.8)
        a, b = k["grid_start"], k["grid_increment"]
        for name, v in (("grid_start", a), ("grid_increment", b)):
            if np.any(~(v >= 0)) or np.any(np.diff(v) <= 0):
                problems.append(f"/stakes/{name} not increasing and >= 0")
        if not np.array_equal(k["grid_stationary"].reshape(-1), x):
            problems.append("/stakes/grid_stationary is not stationary_distribution over (A, B)")
        if not np.allclose(k["first_investment"], np.repeat(a, len(b)), rtol=0, atol=0):
            problems.append("/stakes/first_investment is not grid_start[i] at strategy i * B + j")
    return problems


def check_signalling(contents):
    """/signalling: rule flags 0 or 1, the payoff matrix equal to the closed form from the flags
    and the config's [signalling] values, the margins those of the config, start and rest point
    frequencies that sum to 1; the small-mutation limit as _signalling_limit says."""
    problems = []
    g = contents.view("/signalling")
    cfg = config(contents.file)
    v = {k: cfg.getfloat("signalling", k) for k in ("high_quality", "cost_high", "cost_low", "benefit",
                                                    "alliance_benefit", "value_high", "value_low")}
    flags = {n: g[n] for n in ("signal_when_high", "signal_when_low", "ally_after_signal", "ally_after_silence")}
    for n, f in flags.items():
        if not np.isin(f, [0, 1]).all():
            problems.append(f"/signalling/{n}: values other than 0 and 1")
            return problems
    q, a = v["high_quality"], v["alliance_benefit"]
    sh, sl = flags["signal_when_high"].astype(float), flags["signal_when_low"].astype(float)
    r1, r0 = flags["ally_after_signal"].astype(float), flags["ally_after_silence"].astype(float)

    def one(signals, ally_signal, ally_silence):  # whether allied, per (signaller i, observer j)
        return np.outer(signals, ally_signal) + np.outer(1 - signals, ally_silence)

    signaller = (q * (-sh * v["cost_high"])[:, None] + (1 - q) * (-sl * v["cost_low"])[:, None]
                 + a * (q * one(sh, r1, r0) + (1 - q) * one(sl, r1, r0)))
    observer = (q * (sh * v["benefit"])[:, None] + (1 - q) * (sl * v["benefit"])[:, None]
                + q * v["value_high"] * one(sh, r1, r0) + (1 - q) * v["value_low"] * one(sl, r1, r0))
    expected = 0.5 * signaller + 0.5 * observer.T
    if not np.allclose(g["payoff"], expected, rtol=1e-12, atol=1e-12):
        problems.append("/signalling/payoff is not the closed form of the rules and [signalling] values")
    pooled = q * v["value_high"] + (1 - q) * v["value_low"]
    margins = [a - v["cost_high"], v["cost_low"] - a, v["value_high"], -v["value_low"], -pooled]
    if not np.allclose(g["condition_margin"], margins, rtol=1e-12, atol=1e-12):
        problems.append("/signalling/condition_margin is not that of the [signalling] values")
    for n in ("initial_frequency", "final_frequency"):
        x = g[n]
        if np.any(~(x >= 0)) or not np.isclose(np.sum(x), 1, atol=1e-9):
            problems.append(f"/signalling/{n} does not sum to 1")
    if "fixation_probability" in g:  # the small-mutation limit (format 1.8)
        problems += _signalling_limit(g, cfg)
    return problems


def _signalling_limit(g, cfg):
    """Fixation probabilities in [0, 1] with 1/Z on the diagonal, and, under pairwise comparison
    without self-interaction, equal to the closed form recomputed here from /signalling/payoff;
    the stationary distribution a fixed point of the chain they define."""
    problems = []
    rho, x, a = g["fixation_probability"], g["stationary_distribution"], g["payoff"]
    z = cfg.getint("population", "size")
    n = len(x)
    if np.any(~((rho >= 0) & (rho <= 1))) or not np.allclose(np.diag(rho), 1 / z, rtol=1e-12, atol=0):
        problems.append("/signalling/fixation_probability outside [0, 1] or diagonal not 1/Z")
        return problems
    if np.any(~(x >= 0)) or not np.isclose(np.sum(x), 1, atol=1e-12):
        problems.append("/signalling/stationary_distribution does not sum to 1")
    t = rho / (n - 1)
    np.fill_diagonal(t, 0)
    np.fill_diagonal(t, 1 - t.sum(axis=1))
    if not np.allclose(x @ t, x, rtol=0, atol=1e-12):
        problems.append("/signalling/stationary_distribution is not stationary for fixation_probability")
    if (cfg.get("dynamics", "process") == "pairwise_comparison"
            and not cfg.getboolean("population", "self_interaction")):
        beta = cfg.getfloat("dynamics", "selection_intensity")
        k = np.arange(1, z)
        expected = np.full((n, n), 1 / z)
        for i in range(n):
            for j in range(n):
                if i == j:
                    continue
                # j mutants among i residents: each plays the Z - 1 others.
                gain = ((a[j, j] * (k - 1) + a[j, i] * (z - k)) - (a[i, j] * k + a[i, i] * (z - k - 1))) / (z - 1)
                logs = np.cumsum(-beta * gain)
                top = max(0.0, logs.max())
                expected[i, j] = np.exp(-top) / (np.exp(-top) + np.exp(logs - top).sum())
        if not np.allclose(rho, expected, rtol=1e-9, atol=1e-300):
            problems.append("/signalling/fixation_probability is not the pairwise-comparison closed form of payoff")
    return problems


def check_summary(contents):
    """The job summary (/summary, when the file has one): its columns have one length."""
    lengths = {p: contents.length(p) for p in sorted(contents.paths) if p.startswith("/summary/")}
    return [] if len(set(lengths.values())) <= 1 else [f"/summary: columns of different lengths {lengths}"]


def check_sweep(contents):
    """A sweep file (FORMAT.md, /sweep): the points series share a length N, a multiple of R, with
    point = row // R and replicate = row % R; status is 1 or 2; summary rows are non-decreasing and
    index existing points and columns; failed rows have no summary values; a complete file has
    both commit slots equal and covering every series."""
    problems = []
    s = contents.view("/sweep")
    names = ["point", "replicate", "seed", "status", "wall_seconds", "value", "number"]
    lengths = {n: s.length("points/" + n) for n in names}
    complete = bool(contents.file.attrs["complete"])
    if len(set(lengths.values())) > 1:
        # Only a killed writer leaves them ragged (past its last commit, which resume restores).
        if complete:
            return [f"/sweep/points: series of different lengths {lengths}"]
    n = min(lengths.values())
    r = int(s["replicates"][0])
    rows = np.arange(n)
    if r < 1:
        problems.append(f"/sweep/replicates = {r}, expected >= 1")
        return problems
    if not np.array_equal(s["points/point"][:n], rows // r) or not np.array_equal(s["points/replicate"][:n], rows % r):
        problems.append("/sweep/points: point and replicate are not row // R and row % R")
    status = s["points/status"][:n]
    if not np.isin(status, [1, 2]).all():
        problems.append(f"/sweep/points/status: values {sorted(set(status.tolist()) - {1, 2})}, expected 1 or 2")
    m = min(s.length("summary/" + k) for k in ("row", "column", "value"))
    srow, scol = s["summary/row"][:m], s["summary/column"][:m]
    if m and (np.any(np.diff(srow.astype(np.int64)) < 0) or srow.max() >= max(n, 1)):
        problems.append("/sweep/summary/row: not non-decreasing rows of /sweep/points")
    if m and scol.max() >= s.length("columns/table"):
        problems.append("/sweep/summary/column: indexes past /sweep/columns")
    failed = set(s["failures/row"][:s.length("failures/row")].tolist())
    if failed != set(np.nonzero(status == 2)[0].tolist()):
        problems.append("/sweep/failures/row: not exactly the rows with status 2")
    if failed & set(srow.tolist()):
        problems.append("/sweep/summary: values for failed rows")
    if complete:
        a, b = s["commit_0"], s["commit_1"]
        covered = [n, s.length("summary/row"), s.length("columns/table"), s.length("failures/row")]
        if not np.array_equal(a, b) or list(a[1:5]) != covered:
            problems.append(f"/sweep/commit_0, commit_1: {a.tolist()} and {b.tolist()}, expected both to cover {covered}")
        if len(set(lengths.values())) == 1 and n % r:
            problems.append(f"/sweep/points: {n} rows, not a multiple of R = {r}")
    return problems


# The invariants of each group FORMAT.md states, run for every group the file's job is
# documented to hold: keyed by the group, so the checks follow the file, not a list of jobs.
GROUP_CHECKS = {"/tournament": check_tournament, "/replicates": check_replicates, "/analysis": check_analysis,
                "/replicator": check_replicator, "/invasion": check_invasion, "/reputation": check_reputation,
                "/multilevel": check_multilevel, "/upstream": check_upstream, "/stakes": check_stakes,
                "/signalling": check_signalling, "/summary": check_summary,
                "/sweep": check_sweep}


def main(argv=None, prog=None):
    parser = argparse.ArgumentParser(prog=prog, description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--format-md", default=FORMAT_MD)
    args = parser.parse_args(argv)
    name = prog or "check_format"
    try:
        problems = check(args.file, args.format_md)
    except OSError as e:
        print(f"{name}: cannot read {args.file}: {e}", file=sys.stderr)
        return 1
    except ValueError as e:
        print(f"{name}: {e}", file=sys.stderr)
        return 1
    for p in problems:
        print(f"{args.file}: {p}")
    if not problems:
        print(f"{args.file}: conforms to docs/FORMAT.md")
    return 1 if problems else 0


