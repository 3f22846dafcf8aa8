#pragma once
// Named groups of strategies, usable wherever a player list is read: "@second_tournament",
// "@memory_one, Defector". A group is a rule over StrategyInfo, so a strategy added to the
// registry joins every group it qualifies for without a second list to keep.
#include <functional>
#include <string_view>
#include <vector>

#include "engine/core/strategy.hpp"
#include "strategies/registry.hpp"

namespace kindest::strategies {

struct StrategyGroup {
  std::string_view name;  // written after '@' in player lists
  std::string_view summary;
  std::function<bool(const StrategyInfo&)> contains;
};

/// Every group, in the order `kindest strategies` lists them.
const std::vector<StrategyGroup>& strategy_groups();

/// The players of one group of `registry`, in registry order, named without its '@';
/// Registry::make_players expands an item "@group" with it. Throws StrategyError listing the
/// groups when there is none of that name.
std::vector<Player> make_group(const Registry& registry, std::string_view group);

}  // namespace kindest::strategies
