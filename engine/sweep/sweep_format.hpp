#pragma once
// The layout of a sweep file (docs/FORMAT.md, "/sweep"), as array specs: the writer creates its
// datasets from these and FORMAT.md's tables are generated from them. Every per-point dataset
// is a series with one row per point x replicate (or per summary value), stacked along its
// first axis, so a sweep of 10^6 points costs rows, not 10^6 groups.
#include <vector>

#include "engine/record/array_spec.hpp"
#include "engine/record/series_recorder.hpp"

namespace kindest::sweep {

/// /sweep: fixed datasets (the varied keys, the grid, the replicates) and two commit slots.
const std::vector<record::ArraySpec>& sweep_specs();
/// /sweep/points: one row per point x replicate, row n = point * R + replicate.
const record::SeriesTable& points_table();
/// /sweep/summary: one row per outcome value of a point x replicate (tidy, long format).
const record::SeriesTable& summary_table();
/// /sweep/columns: the labels of /sweep/summary/column, one row per distinct label triple.
const record::SeriesTable& columns_table();
/// /sweep/failures: one row per point x replicate whose job refused its config.
const record::SeriesTable& failures_table();

/// /sweep/points/status values.
enum class PointStatus : std::uint32_t { done = 1, failed = 2 };

}  // namespace kindest::sweep
