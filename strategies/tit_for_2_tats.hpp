#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates unless the opponent defected in both of the last two rounds: forgives a single
/// defection, so an isolated error does not start a feud. Names: Tit For Two Tats
/// [Axelrod1984].
class TitFor2Tats final : public StrategyOf<TitFor2Tats> {
 public:
  static constexpr StrategyInfo info{
      .id = "TitFor2Tats",
      .name = "Tit For 2 Tats",
      .aliases = "TF2T, TitForTwoTats",
      .summary = "Defect only after two consecutive opponent defections.",
      .cite = "Axelrod1984",
      .memory_depth = 2,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    const bool two_defections =
        opponent.size() >= 2 && opponent.back(1) == Action::D && opponent.back(2) == Action::D;
    return two_defections ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
