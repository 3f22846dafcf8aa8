#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Opens D, C; if the opponent cooperated on move 2 (did not punish the opening defection) it
/// defects for the rest of the match, otherwise it plays tit for tat. [Prison1998]
class Prober3 final : public StrategyOf<Prober3> {
 public:
  static constexpr StrategyInfo info{
      .id = "Prober3",
      .name = "Prober 3",
      .aliases = "",
      .summary = "Open D, C; exploit an opponent that did not retaliate, else tit for tat.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t n = own.size();
    if (n == 0) return Action::D;
    if (n == 1) return Action::C;
    if (opponent[1] == Action::C) return Action::D;
    return opponent.back();
  }
};

}  // namespace kindest::strategies
