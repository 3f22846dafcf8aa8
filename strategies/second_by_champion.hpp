#pragma once
#include <algorithm>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates for 10 moves, plays tit for tat to move 25, then cooperates except after an
/// opponent defection, when it defects if the opponent's share of defections is at least 0.4
/// and at least a uniform random number. Danny Champion's entry, 2nd in Axelrod's second
/// tournament [Axelrod1980b].
class SecondByChampion final : public StrategyOf<SecondByChampion> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByChampion",
      .name = "Second by Champion",
      .aliases = "Champion",
      .summary = "C x10, TFT to move 25, then after a D defect w.p. set by the opponent's D share.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History&, const History& opponent, Stream& rng) override {
    const std::size_t n = opponent.size();
    if (n < 10) return Action::C;
    if (n < 25) return opponent.back();
    if (opponent.back() == Action::D) {
      const double share = static_cast<double>(opponent.defections()) / static_cast<double>(n);
      if (share >= std::max(0.4, rng.uniform())) return Action::D;
    }
    return Action::C;
  }
};

}  // namespace kindest::strategies
