#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates on the first 10 moves, then plays Grudger: defects for good once the opponent has
/// ever defected. Morton Davis's entry, 8th in Axelrod's first tournament [Axelrod1980].
class FirstByDavis final : public StrategyOf<FirstByDavis> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByDavis",
      .name = "First by Davis",
      .aliases = "Davis",
      .summary = "Cooperate 10 moves, then defect forever once the opponent has defected.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.size() < 10) return Action::C;
    return opponent.defections() > 0 ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
