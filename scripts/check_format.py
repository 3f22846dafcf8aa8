#!/usr/bin/python3
"""Check a Kindest result file against docs/FORMAT.md.

Reads the dataset tables of docs/FORMAT.md (path, shape, dtype) and checks that the file has
exactly the documented datasets of its job, with those shapes and dtypes, plus the requirements
listed there. Exit 0 when the file conforms, 1 with one line per problem otherwise.

    scripts/check_format.py results/axelrod_1980.h5
"""
import argparse
import configparser
import os
import re
import sys

import h5py
import numpy as np

FORMAT_MD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "FORMAT.md")
DTYPES = {"float64": "f8", "uint64": "u8", "uint32": "u4", "uint8": "u1"}
# Groups each job writes; "rNNNN" in a documented path stands for r0000, r0001, ...
JOB_GROUPS = {
    "tournament": ["/tournament/", "/summary/"],
    "evolution": ["/population/", "/replicates/"],
    "analysis": ["/population/", "/analysis/", "/summary/"],
    "replicator": ["/population/", "/replicator/", "/summary/"],
    "invasion": ["/invasion/"],
}
REPLICATE = re.compile(r"^/\w+/(r\d{4})/")


def documented_datasets(format_md):
    """{path: (shape tuple of symbols, dtype)} from the '| /group/name | (P, P) | dtype |' rows."""
    rows = {}
    with open(format_md, encoding="utf-8") as lines:
        content = lines.read().splitlines()
    for line in content:
        m = re.match(r"\|\s*(/[\w/]+)\s*\|\s*\(([^)]*)\)\s*\|\s*([^|]+?)\s*\|", line)
        if m:
            shape = tuple(s.strip() for s in m.group(2).split(",") if s.strip())
            rows[m.group(1)] = (shape, m.group(3))
    return rows


def open_result(path):
    """Opens a result file for reading, also one whose writer is running or was killed in
    SWMR mode (HDF5 refuses a plain open of those)."""
    try:
        return h5py.File(path, "r")
    except OSError:
        return h5py.File(path, "r", libver="latest", swmr=True)


def text(value):
    return value.decode() if isinstance(value, bytes) else value


def check(path, format_md=FORMAT_MD):
    problems = []
    documented = documented_datasets(format_md)
    with open_result(path) as f:
        if text(f.attrs.get("format_name")) != "kindest.results":
            problems.append(f"root attribute format_name = {f.attrs.get('format_name')!r}, expected 'kindest.results'")
        version = f.attrs.get("format_version")
        if version is None or int(version[0]) != 1:
            problems.append(f"unknown format_version {version}")
        for attr in ["engine_version", "git_hash", "job", "seed", "config", "created_utc", "complete"]:
            if attr not in f.attrs:
                problems.append(f"missing root attribute {attr}")
        if problems:
            return problems
        job = text(f.attrs["job"])
        if job not in JOB_GROUPS:
            return [f"unknown job {job!r}"]
        present = {}
        f.visititems(lambda n, o: present.__setitem__("/" + n, o) if isinstance(o, h5py.Dataset) else None)
        replicates = sorted({m.group(1) for m in map(REPLICATE.match, present) if m})
        expected_paths = {}
        for p, spec in documented.items():
            if not any(p.startswith(g) for g in JOB_GROUPS[job]):
                continue
            for r in (replicates if "rNNNN" in p else [None]):
                expected_paths[p.replace("rNNNN", r) if r else p] = spec
        for p in sorted(set(present) - set(expected_paths)):
            problems.append(f"undocumented dataset {p}")
        for p in sorted(set(expected_paths) - set(present)):
            problems.append(f"missing dataset {p}")
        symbols = {}
        for p in sorted(set(expected_paths) & set(present)):
            shape, dtype = expected_paths[p]
            d = present[p]
            replicate = REPLICATE.match(p)
            if replicate:
                # T differs between replicates: name the symbol per replicate.
                shape = tuple(f"{sym}@{replicate.group(1)}" if sym == "T" else sym for sym in shape)
            if len(d.shape) != len(shape):
                problems.append(f"{p}: rank {len(d.shape)}, documented {shape}")
                continue
            for sym, n in zip(shape, d.shape):
                if symbols.setdefault(sym, n) != n:
                    problems.append(f"{p}: dimension {sym} = {n}, elsewhere {symbols[sym]}")
            if "string" in dtype:
                if d.dtype.kind not in ("O", "S", "U"):
                    problems.append(f"{p}: dtype {d.dtype}, documented string")
            elif d.dtype != np.dtype(DTYPES[dtype]).newbyteorder("<"):
                problems.append(f"{p}: dtype {d.dtype}, documented {dtype}")
            for a in ("units", "description"):
                if a not in d.attrs:
                    problems.append(f"{p}: missing attribute {a}")
        if not problems:
            problems += {"tournament": check_tournament, "evolution": check_evolution,
                         "analysis": check_analysis, "replicator": check_replicator,
                         "invasion": check_invasion}[job](f)
    return problems


def check_tournament(f):
    problems = []
    t = f["tournament"]
    config = read_config(f)
    self_play = config.getboolean("tournament", "self_play")
    reps = config.getint("tournament", "repetitions")
    fixed = config.getfloat("match", "continuation_probability") == 0
    turns_per_match = config.getint("match", "turns")
    c = t["cooperation_rate"][()]
    n = c.shape[0]
    off = ~np.eye(n, dtype=bool)
    for name in ["score_per_turn", "score_per_turn_std", "cooperation_rate", "cooperation_rate_std"]:
        v = t[name][()]
        if not np.all(np.isfinite(v[off])):
            problems.append(f"{name} is not finite off the diagonal")
        if np.all(np.isnan(np.diag(v))) == self_play:
            problems.append(f"{name}: diagonal NaN-ness disagrees with self_play = {self_play}")
        if name.endswith("_std") and np.any(v[np.isfinite(v)] < 0):
            problems.append(f"{name} has negative entries")
    if np.any((c[np.isfinite(c)] < 0) | (c[np.isfinite(c)] > 1)):
        problems.append("cooperation_rate outside [0, 1]")
    turns, wins = t["turns"][()], t["wins"][()]
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
    ranking, mean = t["ranking"][()], t["mean_score_per_turn"][()]
    if sorted(ranking.tolist()) != list(range(n)):
        problems.append("ranking is not a permutation")
    elif np.any(np.diff(mean[ranking]) > 0):
        problems.append("mean_score_per_turn is not non-increasing along ranking")
    return problems


def read_config(f):
    config = configparser.ConfigParser(comment_prefixes=("#", ";"))
    config.read_string(text(f.attrs["config"]))
    return config


def check_evolution(f):
    problems = []
    config = read_config(f)
    size = config.getint("population", "size")
    complete = bool(f.attrs["complete"])
    groups = sorted(f["replicates"].keys()) if "replicates" in f else []
    if complete and len(groups) != config.getint("dynamics", "replicates"):
        problems.append(f"{len(groups)} replicate groups, config says {config.getint('dynamics', 'replicates')}")
    for name in groups:
        r = f["replicates"][name]
        gen, counts, payoff = r["generation"][()], r["counts"][()], r["mean_payoff"][()]
        coop = r["cooperation_rate"][()]
        lengths = {len(r[k]) for k in ["generation", "counts", "mean_payoff", "average_payoff", "cooperation_rate"]}
        if len(lengths) != 1:
            problems.append(f"{name}: series of different lengths {sorted(lengths)}")
            continue
        if len(gen) == 0:
            if complete:
                problems.append(f"{name}: complete file, but no records")
            continue  # an interrupted run may not have reached this replicate's first flush
        if gen[0] != 0 or np.any(np.diff(gen.astype(np.int64)) <= 0):
            problems.append(f"{name}: generation does not increase strictly from 0")
        if np.any(counts.sum(axis=1) != size):
            problems.append(f"{name}: a counts row does not sum to the population size {size}")
        if not np.array_equal(np.isnan(payoff), counts == 0):
            problems.append(f"{name}: mean_payoff NaN-ness differs from count = 0")
        finite = coop[np.isfinite(coop)]
        if np.any((finite < 0) | (finite > 1)):
            problems.append(f"{name}: cooperation_rate outside [0, 1]")
        if complete:
            last = config.getint("dynamics", "generations")
            if int(r["checkpoint/generation"][0]) != last or int(gen[-1]) != last:
                problems.append(f"{name}: complete file, but checkpoint or last record is not generation {last}")
    return problems


def check_invasion(f):
    problems = []
    config = read_config(f)
    complete = bool(f.attrs["complete"])
    inv = f["invasion"]
    groups = sorted(k for k in inv.keys() if re.fullmatch(r"r\d{4}", k))
    replicates = config.getint("invasion", "replicates")
    if complete and len(groups) != replicates:
        problems.append(f"{len(groups)} replicate groups, config says {replicates}")
    series = ["generation", "residents", "mean_rule", "dominant_rule", "dominant_frequency",
              "average_payoff", "cooperation_rate"]
    for name in groups:
        r = inv[name]
        if len({len(r[k]) for k in series}) != 1:
            problems.append(f"{name}: series of different lengths")
            continue
        gen = r["generation"][()]
        if len(gen) == 0:
            if complete:
                problems.append(f"{name}: complete file, but no records")
            continue
        if gen[0] != 0 or np.any(np.diff(gen.astype(np.int64)) <= 0):
            problems.append(f"{name}: generation does not increase strictly from 0")
        rules = np.concatenate([r["mean_rule"][()].ravel(), r["dominant_rule"][()].ravel()])
        if np.any((rules < 0) | (rules > 1)):
            problems.append(f"{name}: a rule probability outside [0, 1]")
        if np.any(r["residents"][()] < 1):
            problems.append(f"{name}: a record with no residents")
        top = r["dominant_frequency"][()]
        if np.any((top <= 0) | (top > 1)):
            problems.append(f"{name}: dominant_frequency outside (0, 1]")
        coop = r["cooperation_rate"][()]
        if np.any((coop < 0) | (coop > 1)):
            problems.append(f"{name}: cooperation_rate outside [0, 1]")
        x = r["checkpoint/frequencies"][()]
        k = int(np.sum(~np.isnan(x)))
        if not np.all(np.isnan(x[k:])) or not np.isclose(x[:k].sum(), 1, atol=1e-9):
            problems.append(f"{name}: checkpoint frequencies are not a probability vector and NaN padding")
        elif int(r["checkpoint/generation"][0]) == int(gen[-1]) and k != int(r["residents"][-1]):
            problems.append(f"{name}: checkpoint holds {k} rules, the last record {r['residents'][-1]}")
        if complete and int(r["checkpoint/generation"][0]) != config.getint("invasion", "generations"):
            problems.append(f"{name}: complete file, but the checkpoint is not the last generation")
    if complete:
        mean, corner = inv["final_mean_rule"][()], inv["final_corner"][()]
        if np.any(np.isnan(mean)) or not np.array_equal(corner, (mean >= 0.5) @ np.array([8, 4, 2, 1])):
            problems.append("final_corner is not the corner of final_mean_rule")
    return problems


def check_analysis(f):
    problems = []
    a = f["analysis"]
    rho, t, pi = a["fixation_probability"][()], a["transition_matrix"][()], a["stationary_distribution"][()]
    if np.any((rho < 0) | (rho > 1)):
        problems.append("fixation_probability outside [0, 1]")
    if not np.allclose(t.sum(axis=1), 1, atol=1e-12):
        problems.append("transition_matrix rows do not sum to 1")
    if np.any(pi < 0) or not np.isclose(pi.sum(), 1, atol=1e-12):
        problems.append("stationary_distribution is not a probability vector")
    return problems


def check_replicator(f):
    problems = []
    r = f["replicator"]
    time, x = r["time"][()], r["frequencies"][()]
    if len(time) == 0 or time[0] != 0 or np.any(np.diff(time) <= 0):
        problems.append("time does not increase strictly from 0")
    if np.any((x < 0) | (x > 1)) or not np.allclose(x.sum(axis=1), 1, atol=1e-9):
        problems.append("frequencies are not on the simplex")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--format-md", default=FORMAT_MD)
    args = parser.parse_args()
    try:
        problems = check(args.file, args.format_md)
    except OSError as e:
        print(f"check_format: cannot read {args.file}: {e}", file=sys.stderr)
        return 1
    for p in problems:
        print(f"{args.file}: {p}")
    if not problems:
        print(f"{args.file}: conforms to docs/FORMAT.md")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
