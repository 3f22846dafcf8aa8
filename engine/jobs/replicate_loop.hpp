#pragma once
// The generation loop that the long jobs (evolution, invasion) share for one replicate: poll the
// stop flag, run a generation, record every interval-th generation and the last, write a
// checkpoint every flush_every records or when the shared FlushClock says so, and report
// progress. The job supplies what a generation, a record and a checkpoint are.
#include <atomic>
#include <cstdint>

#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/run_file.hpp"

namespace kindest::jobs {

struct ReplicateLoop {
  std::uint64_t generations = 0, interval = 1, flush_every = 1;
  // Generations between reads of the clock and updates of the shared progress counter: 1 where
  // a generation is slow, more where it costs about as much as reading the clock.
  std::uint64_t stride = 1;
  std::uint64_t total_generations = 0;  // over all replicates, for progress
  FlushClock* clock = nullptr;
  const std::atomic<bool>* stop = nullptr;
  const GenerationProgress* progress = nullptr;
  std::atomic<std::uint64_t>* done = nullptr;  // generations run over all replicates

  bool stopping() const { return stop && stop->load(std::memory_order_relaxed); }

  /// Runs the generations after `start`, up to `generations` unless stopped, and returns the
  /// last one run. `record_start`: generation `start` has no record on file yet (a fresh
  /// replicate). step(g) runs generation g, record(g) records it, checkpoint(g, flush) writes
  /// the records so far and the state after g, flushing the file when asked.
  template <class Step, class Record, class Checkpoint>
  std::uint64_t run(std::uint64_t start, bool record_start, Step&& step, Record&& record,
                    Checkpoint&& checkpoint) const {
    std::uint64_t g = start, pending = 0, reported = start;
    if (record_start) {
      record(g);
      ++pending;
    }
    while (g < generations && !stopping()) {
      step(++g);
      // Stage 5: record
      if (g % interval == 0 || g == generations) {
        record(g);
        ++pending;
      }
      const bool look = g % stride == 0 || g == generations;
      if (pending > 0 && (pending >= flush_every || (look && clock->due()))) {
        checkpoint(g, true);
        clock->flushed();
        pending = 0;
      }
      if (look) {
        const std::uint64_t total = *done += g - reported;
        reported = g;
        if (*progress) (*progress)(total, total_generations);
      }
    }
    // A finished replicate's last rows reach the disk with the next flush, or at the end; when
    // stopping, the job flushes once at the end.
    const bool flush = !stopping() && clock->due();
    checkpoint(g, flush);
    if (flush) clock->flushed();
    return g;
  }
};

}  // namespace kindest::jobs
