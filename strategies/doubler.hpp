#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates, except that it answers an opponent defection with a defection when the
/// opponent has cooperated at most twice as often as it defected. From the PRISON collection
/// [Prison1998].
class Doubler final : public StrategyOf<Doubler> {
 public:
  static constexpr StrategyInfo info{
      .id = "Doubler",
      .name = "Doubler",
      .aliases = "",
      .summary = "C; answer a D with D unless the opponent has over twice as many C as D.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (opponent.empty()) return Action::C;
    return opponent.back() == Action::D && opponent.cooperations() <= 2 * opponent.defections()
               ? Action::D
               : Action::C;
  }
};

}  // namespace kindest::strategies
