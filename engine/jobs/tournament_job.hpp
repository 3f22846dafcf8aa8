#pragma once
// The tournament job: config -> players -> round robin -> HDF5. The output is checked before any
// computation and created marked incomplete; it is marked complete only after the last write.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/config/config.hpp"
#include "engine/core/strategy.hpp"
#include "engine/tournament/round_robin.hpp"

namespace kindest::jobs {

/// Turns the `players` value into players; the CLI passes the strategy registry. Throws
/// StrategyError for unknown names.
using PlayerResolver = std::function<std::vector<Player>(std::string_view)>;

struct OutputOptions {
  std::string path;        // resolved output file
  bool overwrite = false;  // --force
  bool resume = false;     // --resume: continue an interrupted run in `path`
};

tournament::TournamentResult run_tournament_job(const config::Config& config,
                                                const PlayerResolver& resolve,
                                                const OutputOptions& output,
                                                const tournament::Progress& progress = {});

}  // namespace kindest::jobs
