#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Opens D, C, C; if the opponent answered with D then C on moves 2 and 3 (retaliated once and
/// forgave) it cooperates for the rest of the match, otherwise it plays tit for tat.
/// [Prison1998]
class Prober2 final : public StrategyOf<Prober2> {
 public:
  static constexpr StrategyInfo info{
      .id = "Prober2",
      .name = "Prober 2",
      .aliases = "",
      .summary = "Open D, C, C; cooperate forever if answered D, C, else tit for tat.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t n = own.size();
    if (n == 0) return Action::D;
    if (n < 3) return Action::C;
    if (opponent[1] == Action::D && opponent[2] == Action::C) return Action::C;
    return opponent.back();
  }
};

}  // namespace kindest::strategies
