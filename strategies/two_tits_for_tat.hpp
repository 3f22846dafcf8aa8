#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates first and answers each defection with two: defects if the opponent defected in
/// either of the last two rounds. Names: Two Tits For Tat [Axelrod1984].
class TwoTitsForTat final : public StrategyOf<TwoTitsForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "TwoTitsForTat",
      .name = "Two Tits For Tat",
      .aliases = "",
      .summary = "Defect if the opponent defected in either of the last two rounds.",
      .cite = "Axelrod1984",
      .memory_depth = 2,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    const std::size_t n = opponent.size();
    const bool recent_defection =
        (n >= 1 && opponent.back(1) == Action::D) || (n >= 2 && opponent.back(2) == Action::D);
    return recent_defection ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
