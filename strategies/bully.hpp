#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// The reverse of tit for tat: defects first, then plays the opposite of the opponent's previous
/// move. Names: Bully; Reverse Tit For Tat [Nachbar1992].
class Bully final : public StrategyOf<Bully> {
 public:
  static constexpr StrategyInfo info{
      .id = "Bully",
      .name = "Bully",
      .aliases = "ReverseTitForTat",
      .summary = "Defect first, then play the opposite of the opponent's last move.",
      .cite = "Nachbar1992",
      .memory_depth = 1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    return opponent.empty() ? Action::D : flip(opponent.back());
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{0, 1, 0, 1}, 0};
  }
};

}  // namespace kindest::strategies
