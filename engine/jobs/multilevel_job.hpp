#pragma once
// The multilevel job: config -> Traulsen & Nowak's (2006) group-structured population
// (engine/dynamics/multilevel_moran.hpp: [groups] count m, max_size n, split_probability q;
// [dynamics] selection_intensity, fitness_mapping) playing the 2x2 [game] between C (the
// mutant) and D -> `[dynamics] replicates` runs in parallel, each from one cooperator in group
// 0 among defectors until one strategy is left -> /multilevel in HDF5 (docs/FORMAT.md), and the
// fixation probability of the cooperator with its standard error beside the exact q -> 0 limit
// (engine/analytic/multilevel_fixation.hpp).
//
// Why a job of its own: the state is groups of counts, not one population's counts (job
// evolution) or rule frequencies (job invasion), and the measure is the end of each run, not a
// trajectory. Run r draws only from its own stream (docs/STREAMS.md) and writes its own slot, so
// the file does not depend on the thread count. Not resumable: run again, it gives the same
// bits.
#include <cstdint>
#include <vector>

#include "engine/config/config.hpp"
#include "engine/dynamics/multilevel_moran.hpp"
#include "engine/jobs/job.hpp"

namespace kindest::jobs {

struct MultilevelOutcome {
  dynamics::MultilevelSettings settings;
  std::vector<dynamics::FixationRun> runs;  // one per replicate, in order
  double rare_split_limit = 0;              // rho for q -> 0 at the run's w
  bool donation_game = false;               // [game] type = donation_game
  double benefit_cost_ratio = 0;            // b / c when donation_game

  std::uint64_t fixations() const;
  double fixation_probability() const;
  double standard_error() const;  // binomial: sqrt(rho (1 - rho) / R)
};

const JobSpec& multilevel_job();

/// [groups], [dynamics] and [game] read once into settings; ConfigError names a bad key.
dynamics::MultilevelSettings multilevel_settings(const config::Config& config);

/// Runs the job and writes `output.path`; `progress` counts finished runs.
MultilevelOutcome run_multilevel_job(const config::Config& config, const OutputOptions& output,
                                     const GenerationProgress& progress = {});

/// One row, the cooperator: runs, fixations, rho, its s.e., rho n m (1 = neutral), the q -> 0
/// limit and, for the donation game, b/c beside the weak-selection threshold 1 + n / (m - 2).
Summary multilevel_summary(const MultilevelOutcome& outcome);

}  // namespace kindest::jobs
