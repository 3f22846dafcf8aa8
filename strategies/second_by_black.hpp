#pragma once
#include <array>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates for five moves; then cooperates with a probability set by the opponent's
/// defections among its last five moves: 0 or 1 -> 1, 2 -> 0.88, 3 -> 0.68, 4 -> 0.4,
/// 5 -> 0.04. Paul Black's entry in Axelrod's second tournament [Axelrod1980b].
class SecondByBlack final : public StrategyOf<SecondByBlack> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByBlack",
      .name = "Second by Black",
      .aliases = "Black",
      .summary = "C x5; then cooperate w.p. falling with the opponent's D in its last five.",
      .cite = "Axelrod1980b",
      .memory_depth = 5,
      .stochastic = true};
  Action move(const History&, const History& opponent, Stream& rng) override {
    if (opponent.size() < 5) return Action::C;
    constexpr std::array<double, 6> cooperate = {1.0, 1.0, 0.88, 0.68, 0.4, 0.04};
    std::size_t d = 0;
    for (std::size_t k = 1; k <= 5; ++k) d += opponent.back(k) == Action::D;
    return rng.bernoulli(cooperate[d]) ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
