#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates on the first three moves; then cooperates if the opponent has cooperated more
/// often than it defected, defects if less often, and copies its last move on a tie. From
/// Andre et al. (2013) [Andre2013].
class VeryBad final : public StrategyOf<VeryBad> {
 public:
  static constexpr StrategyInfo info{
      .id = "VeryBad",
      .name = "VeryBad",
      .aliases = "",
      .summary = "C for 3 moves; then the opponent's majority move, its last move on a tie.",
      .cite = "Andre2013",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (opponent.size() < 3) return Action::C;
    if (opponent.cooperations() > opponent.defections()) return Action::C;
    if (opponent.cooperations() < opponent.defections()) return Action::D;
    return opponent.back();
  }
};

}  // namespace kindest::strategies
