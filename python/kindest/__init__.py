"""Reading Kindest result files (docs/FORMAT.md) from Python: open a file, also one still being
written or left by a killed run; tidy pandas frames of every job; the format checker.

    import kindest
    with kindest.open_result("results/axelrod_1980.h5") as f:
        print(kindest.ranking(f))
    problems = kindest.check("results/evolution.h5")   # [] when the file conforms

Pure Python on h5py, numpy and pandas; use it from the source tree with PYTHONPATH=python.
"""
from . import format_md
from .checker import check
from .sweep import sweep_points, sweep_summary
from .file import FormatVersionError, config, natural_key, open_result, opened, replicate_index, replicate_name, replicate_names, strings
from .frames import (corner_name, fixation, invasion, invasion_final, ranking, replicator, replicator_population,
                     reputation, reputation_cooperation, reputation_population, reputation_views, stationary, strategies, summary, tournament, trajectory, trajectory_population)

__all__ = ["FormatVersionError", "check", "format_md", "config", "corner_name", "fixation", "invasion", "invasion_final", "natural_key", "open_result", "opened",
           "ranking", "replicate_index", "replicate_name", "replicate_names", "replicator", "replicator_population",
           "reputation", "reputation_cooperation", "reputation_population", "reputation_views", "stationary", "strategies", "strings", "summary", "sweep_points", "sweep_summary", "tournament", "trajectory", "trajectory_population"]
