#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates with probability equal to the share of the opponent's moves so far that were
/// cooperations; its first move is C. Original to the Axelrod library (Owen Campbell)
/// [Knight2016].
class NiceAverageCopier : public StrategyOf<NiceAverageCopier> {
 public:
  static constexpr StrategyInfo info{
      .id = "NiceAverageCopier",
      .name = "Nice Average Copier",
      .aliases = "",
      .summary = "Cooperate first, then with the opponent's cooperation rate so far.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History&, const History& opponent, Stream& rng) override {
    if (opponent.empty()) return first_move(rng);
    const double share =
        static_cast<double>(opponent.cooperations()) / static_cast<double>(opponent.size());
    return rng.bernoulli(share) ? Action::C : Action::D;
  }

 protected:
  virtual Action first_move(Stream&) { return Action::C; }
};

/// NiceAverageCopier whose first move is a fair coin. Original to the Axelrod library
/// (Geraint Palmer) [Knight2016].
class AverageCopier final : public StrategyOf<AverageCopier, NiceAverageCopier> {
 public:
  static constexpr StrategyInfo info{
      .id = "AverageCopier",
      .name = "Average Copier",
      .aliases = "",
      .summary = "Random first move, then cooperate with the opponent's cooperation rate.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = true};

 protected:
  Action first_move(Stream& rng) override { return rng.bernoulli(0.5) ? Action::C : Action::D; }
};

}  // namespace kindest::strategies
