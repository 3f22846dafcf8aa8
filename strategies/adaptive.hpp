#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Plays C six times and D five times, then whichever move has earned it the larger total payoff
/// so far (D on a tie), recomputed every move. [LiKendall2011] Totals use the match's payoffs.
/// Like the Axelrod library it compares totals, not averages per move.
class Adaptive final : public StrategyOf<Adaptive> {
 public:
  static constexpr StrategyInfo info{
      .id = "Adaptive",
      .name = "Adaptive",
      .aliases = "",
      .summary = "Try C x6 and D x5, then play the move that has earned more in total.",
      .cite = "LiKendall2011",
      .memory_depth = -1,
      .stochastic = false,
      .uses_game = true};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (!own.empty()) {
      const double earned = match_attributes().payoff(own.back(), opponent.back());
      (own.back() == Action::C ? total_c_ : total_d_) += earned;
    }
    if (own.size() < 11) return own.size() < 6 ? Action::C : Action::D;
    return total_c_ > total_d_ ? Action::C : Action::D;
  }

 private:
  double total_c_ = 0;
  double total_d_ = 0;
};

}  // namespace kindest::strategies
