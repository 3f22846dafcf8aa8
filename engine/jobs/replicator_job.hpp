#pragma once
// The replicator job: infinite-population dynamics of the population game the config
// describes -- the replicator (or replicator-mutator) equation, or Axelrod's discrete ecological
// map -- written to /replicator (docs/FORMAT.md). Deterministic: no random streams.
#include <vector>

#include "engine/config/config.hpp"
#include "engine/jobs/population_game.hpp"

namespace kindest::jobs {

/// What a summary needs; the trajectory itself is only on file (a long ecological map would
/// not fit in memory). time and frequencies hold the first and the last record.
struct ReplicatorOutcome {
  PopulationGame game;
  std::vector<double> time;
  std::vector<std::vector<double>> frequencies;
};

const JobSpec& replicator_job();

ReplicatorOutcome run_replicator_job(const config::Config& config, const PlayerResolver& resolve,
                                     const OutputOptions& output);

/// The frequencies at the last time recorded.
Summary replicator_summary(const ReplicatorOutcome& outcome);

}  // namespace kindest::jobs
