#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Opens D, D, D, D, D, C, C; then defects for good if the opponent answered the two
/// cooperations (moves 6 and 7) with defections, and cooperates for good otherwise. From the
/// PRISON collection [Prison1998].
class GradualKiller final : public StrategyOf<GradualKiller> {
 public:
  static constexpr StrategyInfo info{
      .id = "GradualKiller",
      .name = "Gradual Killer",
      .aliases = "",
      .summary = "Open DDDDDCC; then D forever if the opponent played D on moves 6 and 7, else C.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    constexpr char opening[] = "DDDDDCC";
    if (own.size() < 7) return opening[own.size()] == 'D' ? Action::D : Action::C;
    return opponent[5] == Action::D && opponent[6] == Action::D ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
