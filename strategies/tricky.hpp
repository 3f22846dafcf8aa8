#pragma once
// Cooperator and Defector with a trick: each switches when the opponent looks exploitable or
// cooperative.
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates, but from move 4 on defects whenever the opponent has not defected in its last
/// ten moves. [Knight2016]
class TrickyCooperator final : public StrategyOf<TrickyCooperator> {
 public:
  static constexpr StrategyInfo info{
      .id = "TrickyCooperator",
      .name = "Tricky Cooperator",
      .aliases = "",
      .summary = "Cooperate; from move 4 defect while the opponent's last 10 moves hold no D.",
      .cite = "Knight2016",
      .memory_depth = 10,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.size() < 3) return Action::C;
    for (std::size_t k = 1; k <= 10 && k <= opponent.size(); ++k)
      if (opponent.back(k) == Action::D) return Action::C;
    return Action::D;
  }
};

/// Defects, but cooperates after three opponent defections in a row from an opponent that
/// has cooperated at least once. [Knight2016]
class TrickyDefector final : public StrategyOf<TrickyDefector> {
 public:
  static constexpr StrategyInfo info{
      .id = "TrickyDefector",
      .name = "Tricky Defector",
      .aliases = "",
      .summary = "Defect; cooperate after D, D, D from an opponent that once cooperated.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (opponent.cooperations() > 0 && opponent.size() >= 3 && opponent.back() == Action::D &&
        opponent.back(2) == Action::D && opponent.back(3) == Action::D)
      return Action::C;
    return Action::D;
  }
};

}  // namespace kindest::strategies
