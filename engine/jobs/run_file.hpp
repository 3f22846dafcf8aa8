#pragma once
// What the long, interruptible jobs (evolution, invasion) share about their result file: it is
// created new, or reopened to resume after checking that it holds an unfinished run of the same
// job and config; and one wall clock, shared by all replicates, decides when a flush is due, so
// [record] flush_seconds bounds what an interruption loses whatever the replicates' lengths.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "engine/config/config.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/tournament_job.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::jobs {

/// Thrown by open_run_file when the file to resume holds an unfinished run of this job and config
/// but cannot be read whole (a block torn by a kill -9: HDF5 checksums fail): its checkpoints
/// cannot be trusted. run_job then starts the run over from generation 0, into a new file that
/// replaces this one as a fresh run's does; runs are deterministic, so the result has the bits
/// the uninterrupted run would have. what() is the one line that says so.
class UntrustedRunFile : public FileError {
 public:
  using FileError::FileError;
};

/// A new file for `job` (FileError if it exists without output.overwrite), or with output.resume
/// the existing one, which must hold an incomplete `job` run with this config (its output path
/// aside) and read whole (else UntrustedRunFile). Throws FileError / ConfigError naming the
/// problem.
std::unique_ptr<record::Hdf5Writer> open_run_file(const config::Config& config,
                                                  const OutputOptions& output,
                                                  const std::string& job);

/// Records of one replicate: generation 0, every interval-th generation, and the last.
inline std::size_t records_per_replicate(std::uint64_t generations, std::uint64_t interval) {
  return static_cast<std::size_t>(generations / interval + 1 + (generations % interval ? 1 : 0));
}

class FlushClock {
 public:
  explicit FlushClock(double seconds)
      : period_(
            std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds))) {}
  bool due() const {
    return Clock::now() - Clock::time_point(Clock::duration(last_.load())) >= period_;
  }
  void flushed() { last_ = Clock::now().time_since_epoch().count(); }

 private:
  using Clock = std::chrono::steady_clock;
  Clock::duration period_;
  std::atomic<Clock::rep> last_{Clock::now().time_since_epoch().count()};
};

}  // namespace kindest::jobs
