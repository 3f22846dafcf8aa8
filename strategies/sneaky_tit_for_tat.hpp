#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat that tries its luck: after two cooperations it defects for as long as the
/// opponent has never defected, and once punished for a defection it repents with a cooperation.
/// Original to the Axelrod library (Karol Langner) [Knight2016].
class SneakyTitForTat final : public StrategyOf<SneakyTitForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "SneakyTitForTat",
      .name = "Sneaky Tit For Tat",
      .aliases = "",
      .summary = "Defect until punished, then repent and play tit for tat.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.size() < 2) return Action::C;
    if (opponent.defections() == 0) return Action::D;
    if (opponent.back() == Action::D && own.back(2) == Action::D) return Action::C;
    return opponent.back();
  }
};

}  // namespace kindest::strategies
