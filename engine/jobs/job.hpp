#pragma once
// What a job is: a spec in the job registry (engine/jobs/job_registry.cpp) -- name, what it
// reads and writes, whether it can be resumed, how to run it -- and the one context every job
// runs in: the resolved config, where and how to write, progress, the stop flag and the thread
// budget. The CLI, resume checks, --help and the docs all read the registry, so adding a job is
// its own file plus one registry line.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/config/config.hpp"
#include "engine/core/strategy.hpp"
#include "engine/jobs/summary.hpp"

namespace kindest::jobs {

/// Turns a `players` / `strategies` value into players; the CLI passes the strategy registry.
/// Throws StrategyError for unknown names.
using PlayerResolver = std::function<std::vector<Player>(std::string_view)>;

struct OutputOptions {
  std::string path;        // resolved output file
  bool overwrite = false;  // --force
  bool resume = false;     // --resume: continue an interrupted run in `path`
  // Only the summary is wanted (kindest sweep without --keep-points): a job that writes its file
  // in one go after computing skips writing it, since a file costs milliseconds and a sweep
  // point may cost microseconds; a job that writes as it goes writes it, and the caller removes it.
  bool discard = false;
};

/// Called from worker threads: (units done, units in all), in the job's progress unit.
using GenerationProgress = std::function<void(std::uint64_t, std::uint64_t)>;

struct JobContext {
  const config::Config& config;
  OutputOptions output;
  PlayerResolver resolve;
  GenerationProgress progress = {};         // may be empty
  const std::atomic<bool>* stop = nullptr;  // set by SIGINT/SIGTERM; polled by resumable and
                                            // stoppable jobs
  std::size_t threads = 0;                  // worker threads; 0 = all cores
  // One line for the user about what the run does differently than asked (a resume that starts
  // over); the CLI prints it on stderr. May be empty.
  std::function<void(const std::string&)> notice = {};
};

struct JobResult {
  Summary summary;
  bool interrupted = false;  // stopped before the end: the file is incomplete (resumable if the
                             // job is)
};

struct JobSpec {
  std::string_view name;           // [run] job
  std::string_view description;    // one line: --help, `kindest jobs`, docs
  std::string_view reads;          // config sections it reads
  std::string_view writes;         // groups of the result file (docs/FORMAT.md)
  std::string_view progress_unit;  // what the progress counts: "pairs", "generations"
  bool resumable = false;          // checkpoints; Ctrl-C stops it, --resume continues it
  bool stoppable = false;  // not resumable, but polls the stop flag: Ctrl-C ends it with exit
                           // 130 and what it wrote so far, in a file marked incomplete
  JobResult (*run)(const JobContext&) = nullptr;
};

/// Runs `job` within the context's thread budget. Throws what the job throws.
JobResult run_job(const JobSpec& job, const JobContext& context);

}  // namespace kindest::jobs
