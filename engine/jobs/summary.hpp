#pragma once
// A job's summary: the outcome measures a person reads first (a tournament's ranking, the
// final and time-averaged frequencies of an evolution run, a stationary distribution), as small
// tables. The CLI prints them; the job writes the stored ones into its result file as one tidy
// table, /summary (docs/FORMAT.md), one row per (table, measure, strategy), so that a sweep or a
// notebook can collect the same numbers from any file without knowing the job.
#include <string>
#include <vector>

#include "engine/record/hdf5_writer.hpp"

namespace kindest::jobs {

/// How a column reads best; the file stores the numbers only.
enum class ColumnFormat { automatic, integer, fixed4, fixed6, scientific };

struct SummaryColumn {
  std::string measure = {};         // stored key: "score_per_turn"
  std::string heading = {};         // printed: "score/turn"
  std::vector<double> values = {};  // one per row
  ColumnFormat format = ColumnFormat::automatic;
};

struct SummaryTable {
  std::string name = {};        // stored key: "ranking"
  std::string title = {};       // printed above the table
  std::string row_header = {};  // printed above the row labels: "Player"
  std::vector<std::string> rows = {};
  std::vector<SummaryColumn> columns = {};
  bool stored = true;  // false: printed only (the data is in the file in full already)
};

struct Summary {
  std::vector<SummaryTable> tables = {};
};

/// Writes /summary/table, /summary/measure, /summary/strategy and /summary/value for the
/// stored tables. No dataset can be created once a file is in SWMR mode, so a long job writes
/// its summary's layout (labels, NaN values) before start_swmr() and its values at the end
/// with write_summary_values(); a short job calls write_summary() once, before mark_complete().
void write_summary(record::Hdf5Writer& writer, const Summary& summary);
/// Rewrites /summary/value in place; `summary` must have the layout written before.
void write_summary_values(record::Hdf5Writer& writer, const Summary& summary);

/// The same tables with every value NaN: the layout a long job writes before its run.
Summary without_values(Summary summary);

/// The stored tables of a finished file (titles are the table names); empty when the file has
/// no /summary. Throws FileError for an unreadable file.
Summary read_summary(const std::string& path);

/// The tables as aligned text, one blank line between tables.
std::string summary_text(const Summary& summary);

}  // namespace kindest::jobs
