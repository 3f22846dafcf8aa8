#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates until the opponent defects once, then defects for the rest of the match.
/// Names: Friedman's strategy, 7th in Axelrod's first tournament [Axelrod1980]; Grudger
/// [LiKendall2011]; Grim Trigger. It looks at the opponent's whole history, so it is not
/// memory-one once execution noise can make it defect by mistake.
class Grudger final : public StrategyOf<Grudger> {
 public:
  static constexpr StrategyInfo info{
      .id = "Grudger",
      .name = "Grudger",
      .aliases = "GRIM, Grim Trigger",
      .summary = "Cooperate until the opponent defects once, then defect forever.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    return opponent.defections() > 0 ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
