#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates after an opponent cooperation; after a defection it defects with probability
/// equal to the opponent's share of defections so far. Graham Eatherley's entry in Axelrod's
/// second tournament [Axelrod1980b].
class SecondByEatherley final : public StrategyOf<SecondByEatherley> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByEatherley",
      .name = "Second by Eatherley",
      .aliases = "Eatherley",
      .summary = "C after C; after D defect with probability = the opponent's share of D.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History&, const History& opponent, Stream& rng) override {
    if (opponent.empty() || opponent.back() == Action::C) return Action::C;
    const double share =
        static_cast<double>(opponent.defections()) / static_cast<double>(opponent.size());
    return rng.bernoulli(1 - share) ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
