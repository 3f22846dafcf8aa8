#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// The mirror image of Win-Stay Lose-Shift: defects first, then cooperates iff the two players
/// moved differently last round (it shifts after a good payoff and stays after a bad one).
/// Names: Win-Shift Lose-Stay, Reverse Pavlov [LiKendall2011].
class WinShiftLoseStay final : public StrategyOf<WinShiftLoseStay> {
 public:
  static constexpr StrategyInfo info{
      .id = "WinShiftLoseStay",
      .name = "Win-Shift Lose-Stay",
      .aliases = "ReversePavlov",
      .summary = "Defect first, then cooperate iff the moves differed last round.",
      .cite = "LiKendall2011",
      .memory_depth = 1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.empty()) return Action::D;
    return own.back() != opponent.back() ? Action::C : Action::D;
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{0, 1, 1, 0}, 0};
  }
};

}  // namespace kindest::strategies
