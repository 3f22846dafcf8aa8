#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat with two twists: after its own defection met the opponent's cooperation it
/// tosses a coin, cooperating on heads and defecting for the rest of the match on tails; and
/// it defects on the last move of a match of known length. [LessWrong2011]
class Michaelos final : public StrategyOf<Michaelos> {
 public:
  static constexpr StrategyInfo info{
      .id = "Michaelos",
      .name = "Michaelos",
      .aliases = "",
      .summary = "Tit for tat; after DC a coin: cooperate, or defect for good; defect last.",
      .cite = "LessWrong2011",
      .memory_depth = -1,
      .stochastic = true,
      .uses_length = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    if (among_last_moves(own, 1)) return Action::D;
    if (own.empty()) return Action::C;
    if (defecting_) return Action::D;
    if (own.back() == Action::D && opponent.back() == Action::C) {
      if (rng.bernoulli(0.5)) return Action::C;
      defecting_ = true;
      return Action::D;
    }
    return opponent.back();
  }

 private:
  bool defecting_ = false;
};

}  // namespace kindest::strategies
