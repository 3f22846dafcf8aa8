#pragma once
// The tournament job: config -> players -> round robin -> HDF5. The output is checked before any
// computation and created marked incomplete; it is marked complete only after the last write.
#include "engine/config/config.hpp"
#include "engine/jobs/job.hpp"
#include "engine/tournament/round_robin.hpp"

namespace kindest::jobs {

const JobSpec& tournament_job();

tournament::TournamentResult run_tournament_job(const config::Config& config,
                                                const PlayerResolver& resolve,
                                                const OutputOptions& output,
                                                const tournament::Progress& progress = {});

/// The ranking: rank, mean score per turn (and with self-play), cooperation and wins per player.
Summary tournament_summary(const tournament::TournamentResult& result, bool self_play);

}  // namespace kindest::jobs
