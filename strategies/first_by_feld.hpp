#pragma once
#include <algorithm>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Always defects after the opponent defects; after a cooperation it cooperates with a
/// probability falling linearly from 1 (first move) to 0.5 by move 200 and staying there.
/// Scott Feld's entry, 11th in Axelrod's first tournament [Axelrod1980]; the description gives
/// only the end points, the linear decline is the Axelrod library's reading. The 200 moves are
/// part of the rule, not an assumption about the match length.
class FirstByFeld final : public StrategyOf<FirstByFeld> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByFeld",
      .name = "First by Feld",
      .aliases = "Feld",
      .summary = "Tit for tat that forgives less and less, down to 50% by move 200.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    if (opponent.empty()) return Action::C;
    if (opponent.back() == Action::D) return Action::D;
    const double p = std::max(1.0 - 0.5 * static_cast<double>(own.size()) / 200.0, 0.5);
    return rng.bernoulli(p) ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
