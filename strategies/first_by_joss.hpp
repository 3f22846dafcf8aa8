#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates first; after the opponent cooperates it cooperates with probability 0.9, after a
/// defection it always defects. Johann Joss's entry, 12th in Axelrod's first tournament
/// [Axelrod1980]; also called Hard Joss.
class FirstByJoss final : public StrategyOf<FirstByJoss> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByJoss",
      .name = "First by Joss",
      .aliases = "Joss",
      .summary = "Tit for tat that sneaks a defection 10% of the time after a cooperation.",
      .cite = "Axelrod1980",
      .memory_depth = 1,
      .stochastic = true};
  Action move(const History&, const History& opponent, Stream& rng) override {
    if (opponent.empty()) return Action::C;
    if (opponent.back() == Action::D) return Action::D;
    return rng.bernoulli(0.9) ? Action::C : Action::D;
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{0.9, 0, 0.9, 0}, 1};
  }
};

}  // namespace kindest::strategies
