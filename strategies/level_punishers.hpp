#pragma once
// Punish an opponent whose share of defections is above a level.
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates for the first ten moves, then defects whenever more than 20% of the opponent's
/// moves were defections. From Eckhart Arnold's CoopSim [Eckhart2015].
class LevelPunisher final : public StrategyOf<LevelPunisher> {
 public:
  static constexpr StrategyInfo info{
      .id = "LevelPunisher",
      .name = "Level Punisher",
      .aliases = "",
      .summary = "C for 10 moves; then D while over 20% of the opponent's moves were D.",
      .cite = "Eckhart2015",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    const auto n = static_cast<std::int64_t>(opponent.size());
    // defections / n > 0.2, in integers.
    return n >= 10 && 5 * opponent.defections() > n ? Action::D : Action::C;
  }
};

/// Defects while the opponent's share of defections exceeds 20% (before move 11), 10% (before
/// move 51) or 5% (before move 101); cooperates otherwise and from move 101 on. From Eckhart
/// Arnold's CoopSim [Eckhart2015].
class TrickyLevelPunisher final : public StrategyOf<TrickyLevelPunisher> {
 public:
  static constexpr StrategyInfo info{
      .id = "TrickyLevelPunisher",
      .name = "Tricky Level Punisher",
      .aliases = "",
      .summary = "D while opponent D share > 20% (moves 2-10), 10% (to 50), 5% (to 100); then C.",
      .cite = "Eckhart2015",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    const auto n = static_cast<std::int64_t>(opponent.size());
    const std::int64_t d = opponent.defections();
    if (n == 0) return Action::C;
    // d / n above 1/5, 1/10, 1/20, in integers; each level applies below its move count.
    if (n < 10 && 5 * d > n) return Action::D;
    if (n < 50 && 10 * d > n) return Action::D;
    if (n < 100 && 20 * d > n) return Action::D;
    return Action::C;
  }
};

}  // namespace kindest::strategies
