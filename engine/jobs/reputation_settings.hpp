#pragma once
// The reputation game from a config: [reputation], [game] benefit and cost, and [population]
// strategies read as reputation strategies. The one place these keys meet engine/reputation,
// shared by job = reputation and [payoffs] source = reputation, so every job that plays the
// game reads and checks them the same way and the model never sees a key.
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "engine/config/config.hpp"
#include "engine/core/errors.hpp"
#include "engine/reputation/group_norms.hpp"
#include "engine/reputation/reputation_game.hpp"
#include "engine/reputation/strategy.hpp"

namespace kindest::jobs {

/// [reputation] and [game] benefit, cost as the model's settings. The donation game's b and c
/// come from [game], like the stage game of every other payoff source, so [game] type must be
/// donation_game. Throws ConfigError naming key, value, what is allowed and the source: [game]
/// type not donation_game, [reputation] norm unknown or with a code out of range.
reputation::GameSettings reputation_settings(const config::Config& c);

/// [population] strategies as reputation strategies, in order (`kindest norms`; specs in
/// engine/reputation/strategy.hpp). Also checks them against [reputation]: throws ConfigError
/// for an empty list, an unknown or malformed spec, a strategy that judges with the
/// population's norm while [reputation] norm is empty, public_assessor = institution without a
/// norm, or image-score strategies mixed with norm-based ones.
std::vector<reputation::Strategy> reputation_strategies(const config::Config& c);

/// The [groups] keys of job evolution with [payoffs] source = reputation that act between
/// generations: where the process runs, how group norms evolve, migration.
struct GroupEvolution {
  bool update_within = false;  // the process inside each group
  bool evolve_norms = false;
  std::vector<std::string> pool_names;      // [groups] norm_pool as given
  std::vector<reputation::Norm> pool;       // the same, parsed
  std::vector<std::uint32_t> initial_norm;  // per group: index into pool (evolve_norms)
  reputation::GroupNormSettings norms;
  double migration_rate = 0;
};

/// Reads and checks them against `game` (reputation_settings(c)): throws ConfigError naming
/// key, value, what is allowed and the source -- update_within or migration with a group of
/// fewer than 2, migration with one group, evolve_norms without shared_views, an unknown or
/// repeated pool norm, an initial norm not in the pool, norm rates without evolve_norms.
GroupEvolution group_evolution(const config::Config& c, const reputation::GameSettings& game);

/// [reputation] burn_in and window, in rounds (a sweep, N random pairs or one all-pairs pass).
struct ReputationRounds {
  std::uint64_t burn_in = 0;
  std::uint64_t window = 0;
};
ReputationRounds reputation_rounds(const config::Config& c);

/// A std::invalid_argument the reputation model threw for settings built from `c` (what the
/// checks above do not foresee) as a ConfigError with the config's source.
ConfigError reputation_config_error(const std::invalid_argument& e, const config::Config& c);

}  // namespace kindest::jobs
