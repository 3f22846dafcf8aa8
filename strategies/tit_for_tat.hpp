#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates first, then repeats the opponent's previous move. Won Axelrod's first tournament.
class TitForTat final : public StrategyOf<TitForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "TitForTat",
      .name = "Tit For Tat",
      .aliases = "TFT",
      .summary = "Cooperate first, then copy the opponent's last move.",
      .cite = "Axelrod1980",
      .memory_depth = 1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    return opponent.empty() ? Action::C : opponent.back();
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{1, 0, 1, 0}, 1};
  }
};

}  // namespace kindest::strategies
