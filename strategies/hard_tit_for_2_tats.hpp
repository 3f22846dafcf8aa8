#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit For Two Tats with a longer memory: defects if the opponent defected twice in a row
/// anywhere in the last three rounds, so a double defection is punished twice.
/// Names: Hard Tit For Two Tats [Stewart2012].
class HardTitFor2Tats final : public StrategyOf<HardTitFor2Tats> {
 public:
  static constexpr StrategyInfo info{
      .id = "HardTitFor2Tats",
      .name = "Hard Tit For 2 Tats",
      .aliases = "HardTitForTwoTats",
      .summary = "Defect if the opponent defected twice in a row within the last three rounds.",
      .cite = "Stewart2012",
      .memory_depth = 3,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    const std::size_t n = opponent.size();
    auto defected = [&](std::size_t k) { return n >= k && opponent.back(k) == Action::D; };
    const bool double_defection = defected(2) && (defected(1) || defected(3));
    return double_defection ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
