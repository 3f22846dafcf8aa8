#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates first; then repeats its last move after a good payoff (R or T, i.e. the opponent
/// cooperated) and switches after a bad one (S or P). Equivalently: cooperate iff both players
/// made the same move last round. Corrects single errors between two copies in two rounds.
/// Names: Win-Stay Lose-Shift, Pavlov [Nowak1993].
class WinStayLoseShift final : public StrategyOf<WinStayLoseShift> {
 public:
  static constexpr StrategyInfo info{
      .id = "WinStayLoseShift",
      .name = "Win-Stay Lose-Shift",
      .aliases = "WSLS, Pavlov",
      .summary = "Cooperate first, then cooperate iff both moved alike last round.",
      .cite = "Nowak1993",
      .memory_depth = 1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.empty()) return Action::C;
    return own.back() == opponent.back() ? Action::C : Action::D;
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{1, 0, 0, 1}, 1};
  }
};

}  // namespace kindest::strategies
