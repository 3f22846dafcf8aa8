#pragma once
// Meta hunters: a team of hunters (strategies/hunters.hpp) that defects as soon as any of them
// smells prey.
#include <algorithm>

#include "strategies/hunters.hpp"
#include "strategies/team.hpp"

namespace kindest::strategies {

namespace detail {
/// D when any hunter proposes D; otherwise C, or tit for tat once the opponent has made more
/// than 100 moves (the library's authors found tit for tat earlier set off false alarms).
inline Action hunt(const std::vector<Action>& proposals, const History& opponent) {
  if (std::find(proposals.begin(), proposals.end(), Action::D) != proposals.end()) return Action::D;
  return opponent.size() > 100 ? opponent.back() : Action::C;
}
}  // namespace detail

/// Asks the Defector, Alternator, Random, Math Constant, Cycle and Eventual Cycle hunters each
/// turn, each playing on its own proposals, and defects when any would. Not the Cooperator
/// Hunter, whose defections provoke unforgiving opponents. Original to the Axelrod library
/// (Karol Langner) [Knight2016].
class MetaHunter final : public StrategyOf<MetaHunter> {
 public:
  static constexpr StrategyInfo info{
      .id = "MetaHunter",
      .name = "Meta Hunter",
      .aliases = "",
      .summary = "D when any of six hunters would; else C (TFT after move 100).",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream& rng) override {
    return detail::hunt(team_.propose(opponent, match_attributes(), rng), opponent);
  }

 private:
  Team team_ = team_of<DefectorHunter, AlternatorHunter, RandomHunter, MathConstantHunter,
                       CycleHunter, EventualCycleHunter>();
};

/// Meta Hunter with the Cooperator Hunter added to its team. Original to the Axelrod library
/// (Marc Harper) [Knight2016].
class MetaHunterAggressive final : public StrategyOf<MetaHunterAggressive> {
 public:
  static constexpr StrategyInfo info{
      .id = "MetaHunterAggressive",
      .name = "Meta Hunter Aggressive",
      .aliases = "",
      .summary = "D when any of seven hunters (Cooperator Hunter too) would; else C, TFT > 100.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream& rng) override {
    return detail::hunt(team_.propose(opponent, match_attributes(), rng), opponent);
  }

 private:
  Team team_ = team_of<DefectorHunter, AlternatorHunter, RandomHunter, MathConstantHunter,
                       CycleHunter, EventualCycleHunter, CooperatorHunter>();
};

}  // namespace kindest::strategies
