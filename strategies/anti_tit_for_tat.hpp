#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates first, then plays the opposite of the opponent's last move. Differs from Bully
/// (Reverse Tit For Tat) only in the opening move. Names: Anti Tit For Tat [Hilbe2013].
class AntiTitForTat final : public StrategyOf<AntiTitForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "AntiTitForTat",
      .name = "Anti Tit For Tat",
      .aliases = "",
      .summary = "Cooperate first, then play the opposite of the opponent's last move.",
      .cite = "Hilbe2013",
      .memory_depth = 1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    return opponent.empty() ? Action::C : flip(opponent.back());
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{0, 1, 0, 1}, 1};
  }
};

}  // namespace kindest::strategies
