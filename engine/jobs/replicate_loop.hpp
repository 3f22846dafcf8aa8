#pragma once
// The generation loop that the long jobs (evolution, invasion) share: for each replicate, poll
// the stop flag, run a generation, record every [record] interval-th generation and the last,
// write a checkpoint every flush_every records or when the wall clock shared by all replicates
// says flush_seconds have passed, and report progress. The job supplies what a generation, a
// record and a checkpoint are. One object serves all replicates, from all threads.
#include <algorithm>
#include <atomic>
#include <cstdint>

#include "engine/config/config.hpp"
#include "engine/core/stop.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/run_file.hpp"

namespace kindest::jobs {

/// The shortest time between clock-driven flushes ([record] flush_seconds below it means it):
/// a SWMR flush rewrites the last chunk of every series elsewhere in the file and leaves the old
/// place unused, so flushing every generation made a file 417 times larger and the run 20 times
/// slower (issue 8).
inline constexpr double kMinFlushSeconds = 0.05;

class ReplicateLoop {
 public:
  /// `stride`: generations between reads of the clock and updates of the shared progress
  /// counter -- 1 where a generation is slow, more where it costs about as much as reading the
  /// clock. `already_done`: generations on file before this call (resume).
  ReplicateLoop(const config::Config& c, std::uint64_t generations, std::size_t replicates,
                std::uint64_t stride, std::uint64_t already_done,
                const GenerationProgress& progress, const std::atomic<bool>* stop)
      : generations_(generations),
        interval_(static_cast<std::uint64_t>(c.integer("record.interval"))),
        flush_every_(static_cast<std::uint64_t>(c.integer("record.flush_every"))),
        stride_(stride),
        total_(generations * replicates),
        clock_(std::max(kMinFlushSeconds, c.real("record.flush_seconds"))),
        progress_(progress),
        stop_(stop),
        done_(already_done) {}

  bool stopping() const { return stop_requested(stop_); }
  /// A replicate left as it is on file because the run is stopping.
  void skip() { interrupted_ = true; }
  /// Some replicate stopped before its last generation.
  bool interrupted() const { return interrupted_; }

  /// Runs the generations after `start`, up to the last unless stopped, and returns the last
  /// one run. `record_start`: generation `start` has no record on file yet (a fresh replicate).
  /// step(g) runs generation g, record(g) records it, checkpoint(g, flush) writes the records
  /// so far and the state after g, flushing the file when asked. A step that throws
  /// Interrupted (a stop inside a long generation) ends the run without a checkpoint: the file
  /// keeps the last one written, and the returned generation is the last whole one.
  template <class Step, class Record, class Checkpoint>
  std::uint64_t run(std::uint64_t start, bool record_start, Step&& step, Record&& record,
                    Checkpoint&& checkpoint) {
    std::uint64_t g = start, pending = 0, reported = start;
    if (record_start) {
      try {
        record(g);
      } catch (const Interrupted&) {
        // Recording generation 0 can be long work too: with [payoffs] source = matches it plays
        // the matches generation 1 will use. Nothing of this replicate is on file yet, so a
        // resume starts it afresh.
        interrupted_ = true;
        return g;
      }
      ++pending;
    }
    while (g < generations_ && !stopping()) {
      try {
        step(g + 1);
      } catch (const Interrupted&) {
        // Stopped inside generation g + 1: its state is half-updated, so nothing after the
        // last checkpoint is kept -- the rows buffered since then are dropped and resume
        // reruns them from that checkpoint, to the same bits.
        interrupted_ = true;
        return g;
      }
      ++g;
      // Stage 5: record
      if (g % interval_ == 0 || g == generations_) {
        record(g);
        ++pending;
      }
      const bool look = g % stride_ == 0 || g == generations_;
      if (pending > 0 && (pending >= flush_every_ || (look && clock_.due()))) {
        checkpoint(g, true);
        clock_.flushed();
        pending = 0;
      }
      if (look) {
        const std::uint64_t total = done_ += g - reported;
        reported = g;
        if (progress_) progress_(total, total_);
      }
    }
    // A finished replicate's last rows reach the disk with the next flush, or at the end; when
    // stopping, the job flushes once at the end.
    const bool flush = !stopping() && clock_.due();
    checkpoint(g, flush);
    if (flush) clock_.flushed();
    if (g < generations_) interrupted_ = true;
    return g;
  }

 private:
  std::uint64_t generations_, interval_, flush_every_, stride_, total_;
  FlushClock clock_;
  const GenerationProgress& progress_;
  const std::atomic<bool>* stop_;
  std::atomic<std::uint64_t> done_;
  std::atomic<bool> interrupted_{false};
};

}  // namespace kindest::jobs
