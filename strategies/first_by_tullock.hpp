#pragma once
#include <algorithm>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates on the first 11 moves; then cooperates with probability (share of cooperations in
/// the opponent's last 10 moves) - 0.1, floored at 0. Gordon Tullock's entry, 13th in Axelrod's
/// first tournament [Axelrod1980].
class FirstByTullock final : public StrategyOf<FirstByTullock> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByTullock",
      .name = "First by Tullock",
      .aliases = "Tullock",
      .summary = "Cooperate 10% less than the opponent did over its last 10 moves.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    if (own.size() < 11) return Action::C;
    int cooperations = 0;
    for (std::size_t k = 1; k <= 10; ++k) cooperations += opponent.back(k) == Action::C;
    const double p = std::max(0.0, cooperations / 10.0 - 0.1);
    return rng.bernoulli(p) ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
