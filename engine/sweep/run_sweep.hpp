#pragma once
// Runs a sweep: every point x replicate of a grid is a job run through jobs::run_job on its own
// config -- the base config with the point's overrides and a [run] seed derived from (base
// seed, point, replicate) -- and its summary goes into one sweep file (sweep_file.hpp).
//
// Rows are handed out in row order to `threads` workers in one oneTBB arena; a job's own
// parallel loops (replicates, tournament pairs) run in the same arena, each point isolated so
// that a worker waiting inside a job never starts another point. Finished rows reach the file
// in row order, so the file does not depend on the thread count or on which row finished first.
// A stop request ends the sweep after the running points (a resumable job among them stops at
// its next poll and is redone on resume); rows already whole stay in the file.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "engine/config/config.hpp"
#include "engine/jobs/job.hpp"
#include "engine/sweep/grid.hpp"

namespace kindest::sweep {

struct SweepOptions {
  std::string output;        // the sweep file
  bool overwrite = false;    // --force
  bool resume = false;       // --resume
  bool keep_points = false;  // keep each point's own result file in OUTPUT.points/
  std::size_t replicates = 1;
  std::size_t threads = 0;  // 0 = all cores
};

/// (rows done, rows in all): from worker threads, after each row.
using SweepProgress = std::function<void(std::uint64_t, std::uint64_t)>;

struct SweepResult {
  std::uint64_t rows = 0;     // rows whole in the file
  std::uint64_t skipped = 0;  // rows a resume found done
  std::uint64_t failed = 0;   // rows whose job refused their config (this run)
  bool interrupted = false;   // stopped before the end: resume with --resume
};

/// The config of replicate `replicate` of `point`: what `kindest run` needs to reproduce it.
config::Config point_config(const config::Config& base, const Grid& grid, std::uint64_t point,
                            std::uint64_t replicate, const std::string& output);

/// Where a point's job writes its own file: OUTPUT.points/rNNNNNNNN.h5 (the row).
std::string point_file(const std::string& output, std::uint64_t row);

/// Runs (or with options.resume continues) the sweep. Throws ConfigError for a bad grid or base
/// config before anything runs, FileError for the file.
SweepResult run_sweep(const config::Config& base, const Grid& grid, const SweepOptions& options,
                      const jobs::PlayerResolver& resolve, const SweepProgress& progress,
                      const std::atomic<bool>* stop);

}  // namespace kindest::sweep
