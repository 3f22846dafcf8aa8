#pragma once
// Records mutant-invasion runs (job invasion): one group per replicate (/invasion/rNNNN) with
// series that grow by one row per recorded generation, and a checkpoint -- the generation, and
// the rules present with their frequencies -- rewritten at every flush. The number of rules
// changes from generation to generation, so the checkpoint arrays have a fixed capacity
// (frequencies at least the extinction threshold sum to 1, so at most 1 / threshold rules
// survive a generation), read as NaN past the last rule, and take space only for rows used.
// As in TrajectoryRecorder, rows are buffered and written with the checkpoint, so the file
// never holds rows the checkpoint does not cover.
// Knows nothing of games: rules are four numbers each (layout: docs/FORMAT.md).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/record/hdf5_writer.hpp"

namespace kindest::record {

/// One recorded generation of one replicate.
struct InvasionRecord {
  std::uint64_t generation = 0;
  std::uint32_t residents = 0;
  std::array<double, 4> mean_rule{};
  std::array<double, 4> dominant_rule{};
  double dominant_frequency = 0;
  double average_payoff = 0;
  double cooperation_rate = 0;
};

struct InvasionCheckpoint {
  std::uint64_t generation = 0;
  std::vector<std::array<double, 4>> rules;
  std::vector<double> frequencies;
};

class InvasionRecorder {
 public:
  /// Binds to `writer`; `capacity` = the most rules a checkpoint holds, `expected_rows` =
  /// records per replicate (sizes the chunks). Call create() on a new file or resume() on an
  /// existing one, once per replicate, before start_swmr().
  InvasionRecorder(Hdf5Writer& writer, std::size_t replicates, std::size_t capacity,
                   std::size_t expected_rows);

  static std::string group(std::size_t replicate);

  /// Creates the replicate's series and its checkpoint (generation 0, the initial population).
  void create(std::size_t replicate, const InvasionCheckpoint& initial);
  /// Reads the replicate's checkpoint and drops rows recorded after it.
  InvasionCheckpoint resume(std::size_t replicate);

  std::size_t rows(std::size_t replicate) { return writer_.rows(group(replicate) + "/generation"); }
  void record(std::size_t replicate, const InvasionRecord& row);
  /// Writes the buffered rows and the checkpoint, then flushes unless `flush` is false.
  void checkpoint(std::size_t replicate, const InvasionCheckpoint& state, bool flush = true);

 private:
  struct Buffer {
    std::vector<std::uint64_t> generation;
    std::vector<std::uint32_t> residents;
    std::vector<double> mean_rule, dominant_rule, dominant_frequency, average_payoff,
        cooperation_rate;
  };
  void write_state(std::size_t replicate, const InvasionCheckpoint& state);
  Hdf5Writer& writer_;
  std::size_t capacity_, expected_rows_;
  std::vector<Buffer> buffers_;
  // Rows of the checkpoint arrays written so far: rows past the current rules are rewritten
  // as NaN, rows past this mark were never written and read as NaN (no space on disk).
  std::vector<std::size_t> written_rows_;
};

}  // namespace kindest::record
