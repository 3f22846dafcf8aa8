#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Plays FirstByJoss for 20 moves; then, if the opponent's first 20 moves repeat a pattern of
/// period at most 10 (including constant play), it defects for the rest of the match, and
/// otherwise it plays tit for tat. [Prison1998], as the Axelrod library implements it.
class Calculator final : public StrategyOf<Calculator> {
 public:
  static constexpr StrategyInfo info{
      .id = "Calculator",
      .name = "Calculator",
      .aliases = "",
      .summary = "Joss for 20 moves; then defect on periodic opponents, else tit for tat.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    const std::size_t n = own.size();
    if (n == 0) return Action::C;
    if (n < 20) {
      if (opponent.back() == Action::D) return Action::D;
      return rng.bernoulli(0.9) ? Action::C : Action::D;
    }
    if (n == 20) opponent_periodic_ = periodic(opponent);
    return opponent_periodic_ ? Action::D : opponent.back();
  }

 private:
  static bool periodic(const History& h) {
    for (std::size_t period = 1; period <= h.size() / 2; ++period) {
      bool repeats = true;
      for (std::size_t i = period; i < h.size() && repeats; ++i) repeats = h[i] == h[i - period];
      if (repeats) return true;
    }
    return false;
  }

  bool opponent_periodic_ = false;
};

}  // namespace kindest::strategies
