#pragma once
// Records population trajectories: one group per replicate (/replicates/rNNNN) with series
// that grow by one row per recorded generation, and a checkpoint (generation and counts) that
// is rewritten at every flush. Rows are buffered per replicate and written at checkpoints, so
// the file always holds whole records up to the last checkpoint and nothing the checkpoint does
// not cover (after a crash between the two, resume() drops the extra rows).
// Knows nothing of games: it stores the numbers it is given (layout: docs/FORMAT.md).
#include <cstdint>
#include <string>
#include <vector>

#include "engine/record/hdf5_writer.hpp"

namespace kindest::record {

/// One recorded generation of one replicate.
struct GenerationRecord {
  std::uint64_t generation = 0;
  std::vector<std::uint32_t> counts;  // S
  std::vector<double> mean_payoff;    // S, NaN where the count is 0
  double average_payoff = 0;          // over all individuals
  double cooperation_rate = 0;        // NaN when the game has no moves
};

struct Checkpoint {
  std::uint64_t generation = 0;
  std::vector<std::uint32_t> counts;
};

class TrajectoryRecorder {
 public:
  /// Binds to `writer`; `expected_rows` = records per replicate, to size the chunks. Call
  /// create() on a new file or resume() on an existing one, once per replicate, before
  /// start_swmr().
  TrajectoryRecorder(Hdf5Writer& writer, std::size_t replicates, std::size_t strategies,
                     std::size_t expected_rows);

  static std::string group(std::size_t replicate);

  /// Creates the replicate's series and its checkpoint (generation 0, `initial` counts).
  void create(std::size_t replicate, const std::vector<std::uint32_t>& initial);
  /// Reads the replicate's checkpoint and drops rows recorded after it.
  Checkpoint resume(std::size_t replicate);

  /// Records of the replicate on file (not counting buffered ones).
  std::size_t rows(std::size_t replicate) { return writer_.rows(group(replicate) + "/generation"); }
  void record(std::size_t replicate, const GenerationRecord& row);
  /// Writes the buffered rows and the checkpoint, then flushes the file unless `flush` is
  /// false (the caller flushes later; a flush costs milliseconds with thousands of replicates).
  void checkpoint(std::size_t replicate, const Checkpoint& state, bool flush = true);

 private:
  struct Buffer {
    std::vector<std::uint64_t> generation;
    std::vector<std::uint32_t> counts;
    std::vector<double> mean_payoff, average_payoff, cooperation_rate;
  };
  Hdf5Writer& writer_;
  std::size_t strategies_, expected_rows_;
  std::vector<Buffer> buffers_;
};

}  // namespace kindest::record
