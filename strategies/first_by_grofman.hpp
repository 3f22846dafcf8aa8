#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates if both players did the same thing last round; otherwise cooperates with
/// probability 2/7. Bernard Grofman's entry, 4th in Axelrod's first tournament [Axelrod1980].
class FirstByGrofman final : public StrategyOf<FirstByGrofman> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByGrofman",
      .name = "First by Grofman",
      .aliases = "Grofman",
      .summary = "Cooperate after agreement, else cooperate with probability 2/7.",
      .cite = "Axelrod1980",
      .memory_depth = 1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    if (own.empty() || own.back() == opponent.back()) return Action::C;
    return rng.bernoulli(2.0 / 7.0) ? Action::C : Action::D;
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{1, 2.0 / 7.0, 2.0 / 7.0, 1}, 1};
  }
};

}  // namespace kindest::strategies
