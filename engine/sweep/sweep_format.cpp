#include "engine/sweep/sweep_format.hpp"

namespace kindest::sweep {

using record::ArraySpec;
using D = record::Dtype;

const std::vector<ArraySpec>& sweep_specs() {
  static const std::vector<ArraySpec> specs = {
      {"keys",
       {"V"},
       D::string,
       "-",
       "The config keys that vary (section.key), in the order of the columns of "
       "/sweep/points/value and number."},
      {"grid",
       {"1"},
       D::string,
       "-",
       "The sweep's dimensions, one line each: keys (comma-separated when zipped) = settings "
       "separated by spaces; points run through them with the last line varying fastest."},
      {"replicates",
       {"1"},
       D::uint64,
       "-",
       "Replicates R per point: each runs the point's config with its own derived seed."},
      {"commit_0",
       {"6"},
       D::uint64,
       "-",
       "Commit slot 0 of 2, written in turn after a flush: (sequence, rows of /sweep/points, "
       "/sweep/summary, /sweep/columns and /sweep/failures, checksum). The newest slot whose "
       "checksum holds says how many rows of each series are whole; resume drops rows past them."},
      {"commit_1", {"6"}, D::uint64, "-", "Commit slot 1 of 2 (see commit_0)."},
  };
  return specs;
}

const record::SeriesTable& points_table() {
  static const record::SeriesTable t{
      "/sweep/points",
      {
          {"point", {}, D::uint64, "-", "Index of the point in the grid (row / R)."},
          {"replicate", {}, D::uint32, "-", "Replicate of the point, 0 .. R-1."},
          {"seed",
           {},
           D::uint64,
           "-",
           "[run] seed the point x replicate ran with, derived from the base seed, the point and "
           "the replicate (docs/STREAMS.md, purpose sweep): never from where or when it ran."},
          {"status",
           {},
           D::uint32,
           "-",
           "1 = done (its summary rows are in /sweep/summary), 2 = failed (the job refused the "
           "point's config; the message is in /sweep/failures)."},
          {"wall_seconds",
           {},
           D::float64,
           "seconds",
           "Wall time of the point's job. The only dataset of a sweep that differs between two "
           "runs of it."},
          {"value",
           {"V"},
           D::string,
           "-",
           "The value of each varied key at this point, as given to the config."},
          {"number",
           {"V"},
           D::float64,
           "-",
           "The same values as numbers; NaN where a value is not a number (a strategy list)."},
      },
      {}};
  return t;
}

const record::SeriesTable& summary_table() {
  static const record::SeriesTable t{
      "/sweep/summary",
      {
          {"row", {}, D::uint64, "-", "The row of /sweep/points the value belongs to."},
          {"column",
           {},
           D::uint32,
           "-",
           "Index into /sweep/columns: which (table, measure, strategy) of the job's summary "
           "(the /summary of a single run) the value is."},
          {"value",
           {},
           D::float64,
           "varies by measure",
           "The value, bit for bit what `kindest run` writes to /summary/value for the point's "
           "config; NaN where it is not defined."},
      },
      {}};
  return t;
}

const record::SeriesTable& columns_table() {
  static const record::SeriesTable t{
      "/sweep/columns",
      {
          {"table", {}, D::string, "-", "Summary table, as /summary/table."},
          {"measure", {}, D::string, "-", "Outcome measure, as /summary/measure."},
          {"strategy", {}, D::string, "-", "Strategy or row label, as /summary/strategy."},
      },
      {}};
  return t;
}

const record::SeriesTable& failures_table() {
  static const record::SeriesTable t{
      "/sweep/failures",
      {
          {"row", {}, D::uint64, "-", "The row of /sweep/points that failed."},
          {"message", {}, D::string, "-", "The job's error message."},
      },
      {}};
  return t;
}

}  // namespace kindest::sweep
