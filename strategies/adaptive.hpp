#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Plays C six times and D five times, then whichever move has earned it the larger total payoff
/// so far (D on a tie), recomputed every move. [LiKendall2011] Strategies do not see payoffs:
/// totals use (R, S, T, P) = (3, 0, 5, 1). Like the Axelrod library it compares totals, not
/// averages per move.
class Adaptive final : public StrategyOf<Adaptive> {
 public:
  static constexpr StrategyInfo info{
      .id = "Adaptive",
      .name = "Adaptive",
      .aliases = "",
      .summary = "Try C x6 and D x5, then play the move that has earned more in total.",
      .cite = "LiKendall2011",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (!own.empty()) {
      const bool other_cooperated = opponent.back() == Action::C;
      if (own.back() == Action::C)
        total_c_ += other_cooperated ? 3 : 0;
      else
        total_d_ += other_cooperated ? 5 : 1;
    }
    if (own.size() < 11) return own.size() < 6 ? Action::C : Action::D;
    return total_c_ > total_d_ ? Action::C : Action::D;
  }

 private:
  std::int64_t total_c_ = 0;
  std::int64_t total_d_ = 0;
};

}  // namespace kindest::strategies
