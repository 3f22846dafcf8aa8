#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates until the opponent defects; then, k turns after the opponent's latest
/// defection (k = 1 right after it), defects with probability 1/k. Original to the Axelrod
/// library (Karol Langner) [Knight2016].
class Inverse final : public StrategyOf<Inverse> {
 public:
  static constexpr StrategyInfo info{
      .id = "Inverse",
      .name = "Inverse",
      .aliases = "",
      .summary = "Defect with probability 1/k, k turns after the opponent's last defection.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History&, const History& opponent, Stream& rng) override {
    if (opponent.defections() == 0) return Action::C;
    std::size_t k = 1;
    while (opponent.back(k) == Action::C) ++k;
    return rng.bernoulli(1.0 / static_cast<double>(k)) ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
