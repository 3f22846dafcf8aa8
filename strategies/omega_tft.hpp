#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat with two counters. A deadlock counter grows while the opponent keeps switching
/// moves; at 3 it cooperates twice to break a C/D - D/C echo. A randomness counter grows when the
/// opponent switches moves or differs from its own last move, and shrinks after two opponent
/// cooperations in a row; once it reaches 8 it defects instead of playing tit for tat.
/// [Slany2007], with the thresholds and counter rules of the Axelrod library.
class OmegaTFT final : public StrategyOf<OmegaTFT> {
 public:
  static constexpr StrategyInfo info{
      .id = "OmegaTFT",
      .name = "Omega TFT",
      .aliases = "",
      .summary = "Tit for tat that breaks deadlocks and gives up on random opponents.",
      .cite = "Slany2007",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override;

 private:
  static constexpr int kDeadlockThreshold = 3;
  static constexpr int kRandomnessThreshold = 8;
  int deadlock_ = 0;
  int randomness_ = 0;
};

}  // namespace kindest::strategies
