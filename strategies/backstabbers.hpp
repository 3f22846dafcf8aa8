#pragma once
// Grudgers that forgive the first three defections and defect on the last two moves.
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates until the opponent's fourth defection, then defects for good; defects on the
/// last two moves of a match of known length. [Knight2016]
class BackStabber final : public StrategyOf<BackStabber> {
 public:
  static constexpr StrategyInfo info{
      .id = "BackStabber",
      .name = "BackStabber",
      .aliases = "",
      .summary = "Forgive three defections, defect after the fourth and on the last 2 moves.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false,
      .uses_length = true};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (among_last_moves(own, 2)) return Action::D;
    return opponent.defections() > 3 ? Action::D : Action::C;
  }
};

/// BackStabber, except that from move 8 to move 180, against an opponent that did not defect
/// in the first 7 moves, it defects only after two opponent defections in a row. [Knight2016]
class DoubleCrosser final : public StrategyOf<DoubleCrosser> {
 public:
  static constexpr StrategyInfo info{
      .id = "DoubleCrosser",
      .name = "DoubleCrosser",
      .aliases = "",
      .summary = "BackStabber that, on moves 8-180 against a clean opener, answers only D, D.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false,
      .uses_length = true};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (among_last_moves(own, 2)) return Action::D;
    const std::size_t round = opponent.size() + 1;
    bool clean_opening = true;
    for (std::size_t t = 0; t < 7 && t < opponent.size(); ++t)
      if (opponent[t] == Action::D) clean_opening = false;
    if (clean_opening && round > 7 && round <= 180)
      return opponent.back() == Action::D && opponent.back(2) == Action::D ? Action::D : Action::C;
    return opponent.defections() > 3 ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
