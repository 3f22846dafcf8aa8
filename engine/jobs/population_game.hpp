#pragma once
// The game a population plays, from the config: S strategy names, the S x S payoff matrix
// (payoff per turn of row against column) and, where moves exist, the S x S cooperation matrix
// (fraction of turns the row strategy cooperates against the column one).
#include <optional>
#include <string>
#include <vector>

#include "engine/config/config.hpp"
#include "engine/dynamics/process.hpp"
#include "engine/games/n_player_game.hpp"
#include "engine/games/payoff_matrix.hpp"
#include "engine/jobs/tournament_job.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::jobs {

struct PopulationGame {
  std::vector<std::string> strategies;
  games::PayoffMatrix payoffs;  // NaN for a group game, whose payoffs depend on the whole group
  std::optional<games::PayoffMatrix> cooperation;
  std::optional<games::NPlayerGame> group;  // set for [payoffs] source = public_goods, ...
  std::vector<MemoryOneVector> memory_one;  // every strategy's vector, when all are memory-one
  std::vector<Player> players;              // set for source = matches: played every generation
  games::PrisonersDilemma stage_game;       // the game those matches play

  /// Bounds of every payoff an individual can get (linear fitness must stay positive; the
  /// Moran processes sample by rejection under fitness f / f_max).
  dynamics::PayoffRange payoff_range() const;
};

/// [payoffs] source = matrix | exact | tournament. Throws ConfigError / StrategyError.
PopulationGame population_game_from_config(const config::Config& config,
                                           const PlayerResolver& resolve);

/// Writes /population/strategies, payoff_matrix and cooperation_matrix (docs/FORMAT.md).
void write_population(record::Hdf5Writer& writer, const PopulationGame& game);

/// "a,b;c,d" -> 2x2 matrix. Throws ConfigError naming `key` for ragged or non-numeric input.
games::PayoffMatrix parse_matrix(const std::string& text, const std::string& key);

}  // namespace kindest::jobs
