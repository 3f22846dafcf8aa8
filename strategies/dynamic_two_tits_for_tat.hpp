#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates first and while the opponent's last two moves were cooperations; when either
/// was a defection it cooperates with probability equal to the opponent's cooperation rate
/// so far. Original to the Axelrod library (Grant Garrett-Grossman) [Knight2016].
class DynamicTwoTitsForTat final : public StrategyOf<DynamicTwoTitsForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "DynamicTwoTitsForTat",
      .name = "Dynamic Two Tits For Tat",
      .aliases = "",
      .summary = "After a defection in the last two moves, cooperate at the opponent's C rate.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History&, const History& opponent, Stream& rng) override {
    const bool recent_defection = (opponent.size() >= 1 && opponent.back() == Action::D) ||
                                  (opponent.size() >= 2 && opponent.back(2) == Action::D);
    if (!recent_defection) return Action::C;
    const double share =
        static_cast<double>(opponent.cooperations()) / static_cast<double>(opponent.size());
    return rng.bernoulli(share) ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
