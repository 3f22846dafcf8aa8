#pragma once
// The file format in one place: the spec of every dataset the jobs write (docs/FORMAT.md).
// The recorders create series from these tables, the writers take units and descriptions from
// them, and FORMAT.md's dataset tables are generated from them: between the lines
// `<!-- generated: NAME -->` and `<!-- end generated -->` the document holds format_table(NAME),
// and a test fails when it does not (regenerate: build/tests/kindest_format_doc).
#include <string>
#include <vector>

#include "engine/record/array_spec.hpp"
#include "engine/record/series_recorder.hpp"

namespace kindest::record {

/// /replicates/rNNNN (job evolution): one row per recorded generation; checkpoint: counts.
const SeriesTable& evolution_table();
/// Job evolution with [payoffs] source = reputation: the same series; the checkpoint adds
/// reputation_checkpoint_specs() (the individuals, their payoffs and the game's views).
const SeriesTable& reputation_evolution_table();
const std::vector<ArraySpec>& reputation_checkpoint_specs();
/// Job evolution with [payoffs] source = reputation writes reputation_evolution_table() plus,
/// per replicate, the per-group series (group_size, group_cooperation, group_payoff; M = 1
/// without groups) and each individual's group in the checkpoint; with [groups] evolve_norms
/// also each group's norm as a series and in the checkpoint, and /groups/norm_pool.
SeriesTable grouped_reputation_evolution_table(bool evolving_norms);
const std::vector<ArraySpec>& reputation_group_series_specs();
const std::vector<ArraySpec>& reputation_group_checkpoint_specs();
const std::vector<ArraySpec>& group_norm_series_specs();
const std::vector<ArraySpec>& group_norm_checkpoint_specs();
const std::vector<ArraySpec>& group_norm_pool_specs();
/// Job evolution on a graph ([structure]): evolution_table() with each node's strategy in the
/// checkpoint (individuals, Z = the number of nodes).
const SeriesTable& graph_evolution_table();
const std::vector<ArraySpec>& graph_checkpoint_specs();
/// /replicates/rNNNN/snapshots (job evolution on a graph with [structure] snapshots): the
/// snapshot generations (G,) and each node's strategy at them (G, Z); both grow along G.
const std::vector<ArraySpec>& graph_snapshot_specs();
/// /invasion/rNNNN (job invasion): one row per recorded generation; checkpoint: rules and
/// frequencies (padded to the capacity C).
const SeriesTable& invasion_table();
/// /invasion fixed datasets: one row per replicate.
const std::vector<ArraySpec>& invasion_summary_specs();
/// /replicator (job replicator): one row per record; no checkpoint.
const SeriesTable& replicator_table();
/// /population, /analysis, /tournament: fixed datasets.
const std::vector<ArraySpec>& population_specs();
const std::vector<ArraySpec>& analysis_specs();
/// /analysis, job analysis with [payoffs] source = reputation only: the simulated payoffs per
/// composition (M = Z - 1 numbers of mutants) and the monomorphic games.
const std::vector<ArraySpec>& reputation_analysis_specs();
const std::vector<ArraySpec>& tournament_specs();
/// /reputation (job reputation): fixed datasets, one row per replicate.
const std::vector<ArraySpec>& reputation_specs();
/// /multilevel (job multilevel): fixed datasets, one row per run.
const std::vector<ArraySpec>& multilevel_specs();
/// /upstream (job upstream): fixed datasets, per rule and per composition.
const std::vector<ArraySpec>& upstream_specs();
/// /stakes (job stakes): the investment strategies, their payoff matrix and small-mutation limit.
const std::vector<ArraySpec>& stakes_specs();
/// /stakes with [stakes] strategy_set = rts_grid (format 1.8): the grid's axes and the
/// stationary distribution over the (a, b) plane.
const std::vector<ArraySpec>& stakes_grid_specs();

/// /signalling (job signalling): the signaller/observer strategies, their payoff matrix, the
/// separating equilibrium's margins and the replicator dynamics' start and rest point.
const std::vector<ArraySpec>& signalling_specs();
/// /summary (every job): the tidy table of outcome measures (engine/jobs/summary.hpp).
const std::vector<ArraySpec>& summary_specs();

/// Names of the generated tables, in document order: each the top-level group it documents
/// ("tournament", "replicates", ...), so FORMAT.md's markers name groups, not jobs.
std::vector<std::string> format_table_names();
/// The markdown table `| path | shape | dtype | units | meaning |` for `name`.
std::string format_table(const std::string& name);
/// `doc` with every generated table replaced by its current text; throws std::invalid_argument
/// for an unknown or unterminated marker.
std::string format_markdown(const std::string& doc);

}  // namespace kindest::record
