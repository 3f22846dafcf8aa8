#pragma once
#include <cmath>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates on the first two moves; counting the opponent's defections after its first move,
/// it defects when the count is 4, 7 or 9, and once the count k exceeds 9, answers each
/// defection by cooperating with probability 2^-(k - 9). William Adams' entry in Axelrod's
/// second tournament [Axelrod1980b].
class SecondByWmAdams final : public StrategyOf<SecondByWmAdams> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByWmAdams",
      .name = "Second by WmAdams",
      .aliases = "WmAdams",
      .summary = "D at the 4th, 7th, 9th opponent D; past 9, answer D with C w.p. 2^-(k-9).",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    if (own.size() <= 1) return Action::C;
    std::int64_t k = opponent.defections() - (opponent[0] == Action::D ? 1 : 0);
    if (k == 4 || k == 7 || k == 9) return Action::D;
    if (k > 9 && opponent.back() == Action::D)
      return rng.bernoulli(std::pow(0.5, static_cast<double>(k - 9))) ? Action::C : Action::D;
    return Action::C;
  }
};

}  // namespace kindest::strategies
