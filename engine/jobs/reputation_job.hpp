#pragma once
// The reputation job: config -> a fixed population of reputation strategies ([population]
// strategies, initial_counts) -> `[reputation] replicates` games in parallel, each burn_in
// rounds then window measured rounds (engine/reputation/reputation_game.hpp) -> /reputation in
// HDF5 (docs/FORMAT.md).
//
// Replicate r draws only from the streams (seed, Purpose::assessment, r, round, block) that the
// game itself names, and each replicate's sums land in its own slot, so the file does not depend
// on the thread count. Not resumable: a run is short, and run again it gives the same bits.
// Stoppable: Ctrl-C ends it within a round; the file then holds the config only, marked
// incomplete (a half-played window is no result).
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/config/config.hpp"
#include "engine/jobs/job.hpp"
#include "engine/reputation/reputation_game.hpp"

namespace kindest::jobs {

struct ReputationOutcome {
  std::vector<std::string> strategies;                    // S names, as the model spells them
  std::vector<std::uint32_t> counts;                      // individuals per strategy
  std::vector<reputation::ReputationResults> replicates;  // window sums, one per replicate
  bool interrupted = false;  // stopped before the end: no results, the file marked incomplete
};

const JobSpec& reputation_job();

/// Runs the job and writes `output.path`. `progress` counts rounds over all replicates.
/// Throws ConfigError (bad keys, named), ResourceError (views that do not fit), FileError.
/// `stop` (may be null) is polled between rounds.
ReputationOutcome run_reputation_job(const config::Config& config, const OutputOptions& output,
                                     const GenerationProgress& progress = {},
                                     const std::atomic<bool>* stop = nullptr);

/// Means over the replicates (with standard errors where there are two or more): cooperation
/// rate, payoff per individual and round, cooperation by donor x recipient strategy, good
/// fraction by observer x subject strategy.
Summary reputation_summary(const ReputationOutcome& outcome);

}  // namespace kindest::jobs
