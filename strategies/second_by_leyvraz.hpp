#pragma once
#include <array>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates with a probability set by the opponent's last three moves (moves before the
/// match count as C), oldest first: CCC 1, CCD 1/2, CDC 0, CDD 1/4, DCC 1, DCD 1, DDC 1,
/// DDD 1/4. François Leyvraz's entry in Axelrod's second tournament [Axelrod1980b].
class SecondByLeyvraz final : public StrategyOf<SecondByLeyvraz> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByLeyvraz",
      .name = "Second by Leyvraz",
      .aliases = "Leyvraz",
      .summary = "Cooperate with a probability read from the opponent's last three moves.",
      .cite = "Axelrod1980b",
      .memory_depth = 3,
      .stochastic = true};
  Action move(const History&, const History& opponent, Stream& rng) override {
    // Index 4 * (three ago) + 2 * (two ago) + (last), D = 1.
    constexpr std::array<double, 8> cooperate = {1.0, 0.5, 0.0, 0.25, 1.0, 1.0, 1.0, 0.25};
    std::size_t index = 0;
    for (std::size_t k = 3; k >= 1; --k)
      index = 2 * index + (opponent.size() >= k && opponent.back(k) == Action::D ? 1 : 0);
    return rng.bernoulli(cooperate[index]) ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
