#pragma once
// The replicator job: infinite-population dynamics of the population game the config
// describes -- the replicator (or replicator-mutator) equation, or Axelrod's discrete ecological
// map -- written to /replicator (docs/FORMAT.md). Deterministic: no random streams.
#include <atomic>
#include <vector>

#include "engine/config/config.hpp"
#include "engine/jobs/population_game.hpp"

namespace kindest::jobs {

/// The ecological map reads `stop` every generation: 1e12 generations with sparse records
/// streams to disk for hours, and Ctrl-C ends it within a generation, writing the records
/// up to there and leaving the file marked incomplete (not resumable; rerun with --force).
/// What a summary needs; the trajectory itself is only on file (a long ecological map would
/// not fit in memory). time and frequencies hold the first and the last record.
struct ReplicatorOutcome {
  PopulationGame game;
  std::vector<double> time;
  std::vector<std::vector<double>> frequencies;
  bool interrupted = false;  // the ecological map stopped part-way (the file is incomplete)
};

const JobSpec& replicator_job();

ReplicatorOutcome run_replicator_job(const config::Config& config, const PlayerResolver& resolve,
                                     const OutputOptions& output,
                                     const std::atomic<bool>* stop = nullptr);

/// The frequencies at the last time recorded.
Summary replicator_summary(const ReplicatorOutcome& outcome);

}  // namespace kindest::jobs
