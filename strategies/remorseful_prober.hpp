#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// NaiveProber (tit for tat that defects with probability 1/10 after the opponent's C) that
/// owns up to its probes: when the opponent answers a probe with a defection, it takes that
/// one hit and cooperates instead of retaliating. A probe is a defection made after the
/// opponent's cooperation, so whether the last move was one is read from the last two turns
/// (memory two, as the Axelrod library says). [LiKendall2011]
class RemorsefulProber final : public StrategyOf<RemorsefulProber> {
 public:
  static constexpr StrategyInfo info{
      .id = "RemorsefulProber",
      .name = "Remorseful Prober",
      .aliases = "",
      .summary = "Naive prober that does not retaliate when its own probe is punished.",
      .cite = "LiKendall2011",
      .memory_depth = 2,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    if (own.empty()) return Action::C;
    if (opponent.back() == Action::D) {
      const bool probed =
          own.size() >= 2 && own.back() == Action::D && opponent.back(2) == Action::C;
      return probed ? Action::C : Action::D;
    }
    return rng.bernoulli(0.9) ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
