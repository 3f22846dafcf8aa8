#pragma once
// The one result file of a sweep (docs/FORMAT.md, "/sweep"). Rows arrive in row order (the
// runner hands over the finished rows it has in a row without gaps) and are buffered; commit()
// appends them to every series, flushes, and then writes a commit slot saying how many rows of
// each series are whole. A process killed at any moment leaves a file whose newest whole slot
// covers only rows on disk, so resume() truncates every series to it and continues from there:
// the finished file is the same bits whichever way it got there.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "engine/jobs/summary.hpp"
#include "engine/record/hdf5_writer.hpp"
#include "engine/sweep/grid.hpp"
#include "engine/sweep/sweep_format.hpp"

namespace kindest::sweep {

/// One point x replicate, finished.
struct PointRow {
  std::uint64_t point = 0;
  std::uint32_t replicate = 0;
  std::uint64_t seed = 0;
  PointStatus status = PointStatus::done;
  double wall_seconds = 0;
  jobs::Summary summary = {};  // stored tables only are kept
  std::string error = {};      // status failed
};

class SweepFile {
 public:
  /// A new sweep file (FileError if it exists without `overwrite`).
  SweepFile(const std::string& path, bool overwrite, const record::FileMetadata& metadata,
            const Grid& grid, std::size_t replicates);
  /// Reopens an interrupted sweep file to continue it; the caller has checked that it holds
  /// this sweep (check_resumable). Drops rows past the newest whole commit.
  explicit SweepFile(const std::string& path);

  /// Rows whole in the file (after resume: where the sweep continues).
  std::size_t rows() const noexcept { return committed_[0] + buffered_rows(); }
  /// Buffers the next row; the grid gives its values.
  void add(const Grid& grid, PointRow row);
  std::size_t buffered_rows() const noexcept { return point_.size(); }
  /// Appends the buffered rows, flushes, writes the next commit slot and flushes again.
  void commit();
  /// Commits and marks the file complete.
  void finish();

 private:
  void create_series(const record::SeriesTable& table, const record::Dims& dims);
  void write_slot();
  std::uint32_t column(const std::string& table, const std::string& measure,
                       const std::string& strategy);

  std::unique_ptr<record::Hdf5Writer> writer_;
  std::size_t keys_ = 0;
  // Committed rows of points, summary, columns, failures; and the slot sequence.
  std::uint64_t committed_[4] = {0, 0, 0, 0};
  std::uint64_t sequence_ = 0;
  std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t> columns_;
  std::size_t column_count_ = 0;  // known labels, committed or buffered
  // Buffered rows, one vector per series.
  std::vector<std::uint64_t> point_, seed_, summary_row_, failure_row_;
  std::vector<std::uint32_t> replicate_, status_, summary_column_;
  std::vector<double> wall_, number_, summary_value_;
  std::vector<std::string> value_, column_table_, column_measure_, column_strategy_, message_;
};

/// Throws FileError / ConfigError unless `path` holds an unfinished sweep of this base config
/// (keys compared by meaning, [run] output aside), grid and replicates, written by this
/// format and release.
void check_resumable(const std::string& path, const std::string& config_ini,
                     const std::string& config_source, const Grid& grid, std::size_t replicates);

}  // namespace kindest::sweep
