#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Opens D, C, C; if the opponent cooperated on moves 2 and 3 (did not punish the opening
/// defection) it defects for the rest of the match, otherwise it plays tit for tat.
/// [LiKendall2011]
class Prober final : public StrategyOf<Prober> {
 public:
  static constexpr StrategyInfo info{
      .id = "Prober",
      .name = "Prober",
      .aliases = "",
      .summary = "Open D, C, C; exploit an opponent that did not retaliate, else tit for tat.",
      .cite = "LiKendall2011",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t n = own.size();
    if (n == 0) return Action::D;
    if (n < 3) return Action::C;
    if (opponent[1] == Action::C && opponent[2] == Action::C) return Action::D;
    return opponent.back();
  }
};

}  // namespace kindest::strategies
