#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates first, then alternates: moves 2, 4, 6, ... copy the opponent's last move, moves
/// 3, 5, 7, ... are a fair coin. Original to the Axelrod library (Zachary M. Taylor)
/// [Knight2016]. Memory depth unbounded, not the library's 1: which kind of move comes next is
/// set by the move number, not by a window of recent play.
class RandomTitForTat final : public StrategyOf<RandomTitForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "RandomTitForTat",
      .name = "Random Tit for Tat",
      .aliases = "",
      .summary = "Cooperate first, then alternate tit for tat and a fair coin.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    if (own.empty()) return Action::C;
    if (own.size() % 2 == 1) return opponent.back();
    return rng.bernoulli(0.5) ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
