#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Keeps "flack", an exponentially fading count of opponent defections (add 1 for a defection,
/// then halve, each move), and cooperates with probability 1 - flack. Abraham Getzler's entry
/// in Axelrod's second tournament [Axelrod1980b].
class SecondByGetzler final : public StrategyOf<SecondByGetzler> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByGetzler",
      .name = "Second by Getzler",
      .aliases = "Getzler",
      .summary = "Cooperate with probability 1 - flack, flack a halving count of opponent D.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History&, const History& opponent, Stream& rng) override {
    if (opponent.empty()) return Action::C;
    flack_ = (flack_ + (opponent.back() == Action::D ? 1.0 : 0.0)) * 0.5;
    return rng.bernoulli(1.0 - flack_) ? Action::C : Action::D;
  }

 private:
  double flack_ = 0;
};

}  // namespace kindest::strategies
