"""A sweep file (`kindest sweep`, docs/FORMAT.md /sweep) as tidy pandas frames.

    import kindest
    s = kindest.sweep_summary("ifn_sweep.h5")        # one row per (point x replicate, value)
    wide = s[s.measure == "stationary_probability"].pivot_table(
        index=["game.benefit", "match.execution_error_rate"], columns="strategy", values="value")
"""
import numpy as np
import pandas as pd

from .file import opened, strings


def _require_sweep(f):
    if "sweep" not in f:
        raise KeyError(f"{f.filename} holds no /sweep group (it is no kindest sweep file)")
    return f["sweep"]


def sweep_points(source):
    """One row per point x replicate: row, point, replicate, seed, status (1 done, 2 failed),
    wall_seconds, then one column per varied key (numbers where every value is a number, else str)."""
    with opened(source) as f:
        s = _require_sweep(f)
        p = s["points"]
        n = min(p[k].shape[0] for k in p)  # an unfinished file may be ragged past its last commit
        frame = pd.DataFrame({"row": np.arange(n), "point": p["point"][:n].astype(np.int64),
                              "replicate": p["replicate"][:n].astype(np.int64), "seed": p["seed"][:n],
                              "status": p["status"][:n].astype(np.int64), "wall_seconds": p["wall_seconds"][:n]})
        keys = strings(s["keys"])
        numbers, values = p["number"][:n], p["value"][:n]
        for k, key in enumerate(keys):
            column = numbers[:, k] if n else np.array([])
            if n and np.isnan(column).any():
                frame[key] = [v.decode() if isinstance(v, bytes) else v for v in values[:, k]]
            else:
                frame[key] = column
        return frame


def sweep_summary(source):
    """The tidy summary: one row per outcome value of a point x replicate, with columns row,
    point, replicate, seed, the varied keys, table, measure, strategy and value."""
    with opened(source) as f:
        s = _require_sweep(f)
        points = sweep_points(f)
        m = min(s["summary"][k].shape[0] for k in ("row", "column", "value"))
        row = s["summary/row"][:m].astype(np.int64)
        column = s["summary/column"][:m].astype(np.int64)
        labels = {k: np.asarray(strings(s["columns"][k]), dtype=object) for k in ("table", "measure", "strategy")}
        frame = points.drop(columns=["status", "wall_seconds"]).iloc[row].reset_index(drop=True)
        for k in ("table", "measure", "strategy"):
            frame[k] = labels[k][column] if m else np.array([], dtype=object)
        frame["value"] = s["summary/value"][:m]
        return frame
