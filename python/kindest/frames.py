"""Tidy pandas frames of a result file: long format, one observation per row, named columns.

Every function takes a path or an open h5py File and returns a DataFrame. Strategy, player and
rule names are str; replicate numbers are int (from the group name r0000, r10000, ...); the
rows of several replicates come in numeric replicate order.
"""
import h5py
import numpy as np
import pandas as pd

from .file import config, opened, replicate_index, replicate_names, strings, text

RULE = ["p_CC", "p_CD", "p_DC", "p_DD"]
# Corners of the unit cube of memory-one rules, as /invasion/final_corner numbers them.
CORNER_NAMES = {0: "ALLD", 8: "GRIM", 9: "WSLS", 10: "TFT", 15: "ALLC"}
NOT_FINISHED = 16


def _require(f, group):
    if group not in f:
        job = text(f.attrs["job"]) if "job" in f.attrs else "unknown"
        raise KeyError(f"{f.filename} holds no /{group} group (it is a result of job = {job})")
    return f[group]


def _long(index, matrix, names, column):
    """A (T, S) matrix as rows (index..., strategy, column) in row-major order."""
    t, s = matrix.shape
    frame = pd.DataFrame({k: np.repeat(np.asarray(v), s) for k, v in index.items()})
    frame["strategy"] = np.tile(np.asarray(names, dtype=object), t)
    frame[column] = matrix.reshape(-1)
    return frame


def _per_replicate(source, group, replicates, columns, read):
    """The rows of every replicate group under /`group` (or of the replicate numbers in
    `replicates`), in numeric order: a column `replicate`, then the frame read(r, f) makes of
    the group r (f: the open file). `columns`: those of an empty result."""
    with opened(source) as f:
        parent = _require(f, group)
        names = replicate_names(parent)
        if replicates is not None:
            wanted = set(int(r) for r in replicates)
            names = [n for n in names if replicate_index(n) in wanted]
        frames = []
        for name in names:
            frame = read(parent[name], f)
            frame.insert(0, "replicate", np.full(len(frame), replicate_index(name)))
            if len(frame):
                frames.append(frame)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


# -- tournament ------------------------------------------------------------------------------

TOURNAMENT_COLUMNS = ["player", "opponent", "score_per_turn", "score_per_turn_std", "cooperation_rate",
                      "cooperation_rate_std", "wins", "turns"]


def tournament(source):
    """One row per (player, opponent) pair of the round robin: score_per_turn (mean over
    repetitions), its std, cooperation_rate, its std, wins and turns (totals over repetitions).
    Self-play rows (player == opponent) are there only when the tournament had self-play."""
    with opened(source) as f:
        t = _require(f, "tournament")
        players = strings(t["players"])
        n = len(players)
        i, j = np.divmod(np.arange(n * n), n)
        frame = pd.DataFrame({"player": np.asarray(players, dtype=object)[i],
                              "opponent": np.asarray(players, dtype=object)[j]})
        for name in TOURNAMENT_COLUMNS[2:]:
            frame[name] = t[name][()].reshape(-1)
        if not config(f).getboolean("tournament", "self_play"):
            frame = frame[i != j].reset_index(drop=True)
        return frame


def ranking(source):
    """One row per player, best first: rank (1 = best), player, mean_score_per_turn (the ranking
    key, self-play excluded) and mean_score_per_turn_with_self (NaN without self-play)."""
    with opened(source) as f:
        t = _require(f, "tournament")
        players = np.asarray(strings(t["players"]), dtype=object)
        order = t["ranking"][()].astype(int)
        return pd.DataFrame({"rank": np.arange(1, len(order) + 1), "player": players[order],
                             "mean_score_per_turn": t["mean_score_per_turn"][()][order],
                             "mean_score_per_turn_with_self": t["mean_score_per_turn_with_self"][()][order]})


# -- evolution -------------------------------------------------------------------------------

TRAJECTORY_COLUMNS = ["replicate", "generation", "strategy", "count", "frequency", "mean_payoff"]
POPULATION_COLUMNS = ["replicate", "generation", "average_payoff", "cooperation_rate", "good_fraction",
                      "in_group_cooperation", "out_group_cooperation"]


def strategies(source):
    """The strategy names of /population, index s everywhere."""
    with opened(source) as f:
        return strings(_require(f, "population")["strategies"])


def trajectory(source, replicates=None):
    """An evolution run, one row per (replicate, generation, strategy): count, frequency
    (count / population size) and mean_payoff (NaN where the count is 0). `replicates`: an
    iterable of replicate numbers to read (default all)."""
    names = []

    def read(r, f):
        if not names:
            names.extend(strategies(f))
        counts = r["counts"][()]
        frame = _long({"generation": r["generation"][()]}, counts, names, "count")
        with np.errstate(invalid="ignore", divide="ignore"):
            frame["frequency"] = (counts / counts.sum(axis=1, keepdims=True)).reshape(-1)
        frame["mean_payoff"] = r["mean_payoff"][()].reshape(-1)
        return frame

    return _per_replicate(source, "replicates", replicates, TRAJECTORY_COLUMNS, read)


def trajectory_population(source, replicates=None):
    """An evolution run, one row per (replicate, generation): the population's average_payoff,
    cooperation_rate (NaN for a plain matrix game) and good_fraction (the good-reputation share
    with [payoffs] source = reputation; NaN otherwise and in files before format 1.4), and the
    reputation game's in_group_cooperation and out_group_cooperation ([groups]; NaN otherwise
    and in files before format 1.6)."""
    def read(r, f):
        rows = len(r["generation"])
        return pd.DataFrame({name: r[name][()] if name in r else np.full(rows, np.nan)
                             for name in POPULATION_COLUMNS[1:]})

    return _per_replicate(source, "replicates", replicates, POPULATION_COLUMNS, read)


# -- invasion --------------------------------------------------------------------------------

INVASION_COLUMNS = (["replicate", "generation", "residents"] + [f"mean_{p}" for p in RULE]
                    + [f"dominant_{p}" for p in RULE]
                    + ["dominant_frequency", "average_payoff", "cooperation_rate"])


def invasion(source, replicates=None):
    """A mutant-invasion run, one row per (replicate, generation) record: residents, the mean
    rule (mean_p_CC ... mean_p_DD), the dominant rule (dominant_p_CC ...), dominant_frequency,
    average_payoff and cooperation_rate."""
    def read(r, f):
        generation = r["generation"][()]
        frame = pd.DataFrame({"generation": generation, "residents": r["residents"][()]})
        for rule in ("mean", "dominant"):
            values = r[f"{rule}_rule"][()].reshape(len(generation), len(RULE))
            for k, p in enumerate(RULE):
                frame[f"{rule}_{p}"] = values[:, k]
        for name in ("dominant_frequency", "average_payoff", "cooperation_rate"):
            frame[name] = r[name][()]
        return frame

    return _per_replicate(source, "invasion", replicates, INVASION_COLUMNS, read)


def corner_name(corner):
    """ALLD, GRIM, WSLS, TFT, ALLC, or the corner as (p_CC,p_CD,p_DC,p_DD) bits; "" when not finished."""
    corner = int(corner)
    if corner >= NOT_FINISHED:
        return ""
    return CORNER_NAMES.get(corner, "(" + ",".join("1" if corner & b else "0" for b in (8, 4, 2, 1)) + ")")


def invasion_final(source):
    """One row per replicate: the final mean rule (p_CC ... p_DD, NaN when not finished), its
    nearest corner (0..15, 16 = not finished), the corner's name and whether it finished."""
    with opened(source) as f:
        group = _require(f, "invasion")
        mean, corner = group["final_mean_rule"][()], group["final_corner"][()]
        frame = pd.DataFrame({"replicate": np.arange(len(corner))})
        for k, p in enumerate(RULE):
            frame[p] = mean[:, k]
        frame["corner"] = corner
        frame["corner_name"] = [corner_name(c) for c in corner]
        frame["finished"] = corner < NOT_FINISHED
        return frame


# -- analysis --------------------------------------------------------------------------------


def stationary(source):
    """One row per strategy: its stationary_distribution, the long-run fraction of time in its
    monomorphic state in the small-mutation limit."""
    with opened(source) as f:
        a = _require(f, "analysis")
        return pd.DataFrame({"strategy": strategies(f), "stationary_distribution": a["stationary_distribution"][()]})


def fixation(source):
    """One row per (resident, mutant) pair: fixation_probability of a single mutant among
    residents (1/Z when they are the same) and transition_probability of the small-mutation
    chain from the resident's monomorphic state to the mutant's."""
    with opened(source) as f:
        a = _require(f, "analysis")
        names = np.asarray(strategies(f), dtype=object)
        n = len(names)
        i, j = np.divmod(np.arange(n * n), n)
        return pd.DataFrame({"resident": names[i], "mutant": names[j],
                             "fixation_probability": a["fixation_probability"][()].reshape(-1),
                             "transition_probability": a["transition_matrix"][()].reshape(-1)})


# -- replicator ------------------------------------------------------------------------------


def replicator(source):
    """A replicator run, one row per (time, strategy): frequency and mean_payoff ((A x)_i)."""
    with opened(source) as f:
        r = _require(f, "replicator")
        frame = _long({"time": r["time"][()]}, r["frequencies"][()], strategies(f), "frequency")
        frame["mean_payoff"] = r["mean_payoff"][()].reshape(-1)
        return frame


def replicator_population(source):
    """A replicator run, one row per record: time, average_payoff and cooperation_rate."""
    with opened(source) as f:
        r = _require(f, "replicator")
        return pd.DataFrame({"time": r["time"][()], "average_payoff": r["average_payoff"][()],
                             "cooperation_rate": r["cooperation_rate"][()]})


# -- reputation ------------------------------------------------------------------------------


def _reputation_pairs(r, dataset, row, column, value):
    """An (R, S, S) dataset as rows (replicate, row strategy, column strategy, value)."""
    names = np.asarray(strings(r["strategies"]), dtype=object)
    x = r[dataset][()]
    n_rep, s = x.shape[0], len(names)
    k = np.arange(n_rep * s * s)
    rep, rest = np.divmod(k, s * s)
    i, j = np.divmod(rest, s)
    return pd.DataFrame({"replicate": rep, row: names[i], column: names[j], value: x.reshape(-1)})


def reputation(source):
    """A reputation run, one row per (replicate, strategy): count (individuals), norm (the one
    it judges with), payoff (per individual and round) and self_cooperation (its donors toward
    its own kind), averaged over the measured window."""
    with opened(source) as f:
        r = _require(f, "reputation")
        names = np.asarray(strings(r["strategies"]), dtype=object)
        s = len(names)
        payoff = r["payoff"][()]
        n_rep = payoff.shape[0]
        by = r["cooperation_by_strategy"][()]
        return pd.DataFrame({"replicate": np.repeat(np.arange(n_rep), s), "strategy": np.tile(names, n_rep),
                             "count": np.tile(r["counts"][()].astype(np.int64), n_rep),
                             "norm": np.tile(np.asarray(strings(r["norm"]), dtype=object), n_rep),
                             "payoff": payoff.reshape(-1),
                             "self_cooperation": by[:, np.arange(s), np.arange(s)].reshape(-1)})


def reputation_population(source):
    """A reputation run, one row per replicate: cooperation_rate, the fraction of all donor
    actions in the window that were C."""
    with opened(source) as f:
        r = _require(f, "reputation")
        rate = r["cooperation_rate"][()]
        return pd.DataFrame({"replicate": np.arange(len(rate)), "cooperation_rate": rate})


def reputation_cooperation(source):
    """One row per (replicate, donor strategy, recipient strategy): cooperation_rate."""
    with opened(source) as f:
        r = _require(f, "reputation")
        return _reputation_pairs(r, "cooperation_by_strategy", "donor", "recipient", "cooperation_rate")


def reputation_views(source):
    """One row per (replicate, observer strategy, subject strategy): good_fraction, how often an
    observer of the one holds an individual of the other good (self-views excluded)."""
    with opened(source) as f:
        r = _require(f, "reputation")
        return _reputation_pairs(r, "good_fraction", "observer", "subject", "good_fraction")


# -- job summary -----------------------------------------------------------------------------

SUMMARY_COLUMNS = ["measure", "strategy", "value"]


def summary(source):
    """The job's summary table (/summary): one row per outcome measure, with the strategy (or
    other row label) it is about ("" when it is not per strategy) and its value; any other
    1-D dataset of /summary (e.g. `table`, which printed table the row belongs to) becomes a
    column too, before these three. An empty frame with the three columns for a file without
    a summary (written before the summary existed)."""
    with opened(source) as f:
        if "summary" not in f:
            return pd.DataFrame({"measure": pd.Series(dtype=object), "strategy": pd.Series(dtype=object),
                                 "value": pd.Series(dtype=float)})
        s = f["summary"]
        missing = [c for c in SUMMARY_COLUMNS if c not in s]
        if missing:
            raise KeyError(f"{f.filename}: /summary has no {', '.join(missing)}")
        extra = sorted(k for k in s.keys() if k not in SUMMARY_COLUMNS and isinstance(s[k], h5py.Dataset))
        columns = {}
        for name in extra + SUMMARY_COLUMNS:
            d = s[name]
            columns[name] = strings(d) if d.dtype.kind in ("O", "S", "U") else d[()].astype(float)
        lengths = {k: len(v) for k, v in columns.items()}
        if len(set(lengths.values())) != 1:
            raise ValueError(f"{f.filename}: /summary columns of different lengths {lengths}")
        return pd.DataFrame(columns)
