#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Defects first to test the opponent. While the opponent has never defected it defects
/// whenever more than half of its own moves so far were cooperations (so its defections stay
/// under half of its moves, the opening one aside); at the opponent's first defection it
/// apologises with one cooperation and plays tit for tat from then on. David Gladstein's TESTER
/// as the Axelrod library reconstructs it from the second tournament's Fortran [Axelrod1980b].
class SecondByGladstein final : public StrategyOf<SecondByGladstein> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByGladstein",
      .name = "Second by Gladstein",
      .aliases = "Gladstein",
      .summary = "Open with D; exploit up to half the moves until punished, then apologise + TFT.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.empty()) return Action::D;
    if (!patsy_) return opponent.back();
    if (opponent.back() == Action::D) {
      patsy_ = false;
      return Action::C;
    }
    // cooperations / moves > 1/2, in integers.
    return 2 * own.cooperations() > static_cast<std::int64_t>(own.size()) ? Action::D : Action::C;
  }

 private:
  bool patsy_ = true;  // the opponent has not defected yet
};

}  // namespace kindest::strategies
