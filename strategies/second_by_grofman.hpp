#pragma once
#include <algorithm>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates twice, copies the opponent's last move on moves 3-7, then counts the opponent's
/// defections in the 7 turns before the last one (the original Fortran skips the latest turn):
/// after its own C it cooperates while that count is at most 2, after its own D while it is at
/// most 1. Bernard Grofman's entry (K86R) in Axelrod's second tournament [Axelrod1980b].
class SecondByGrofman final : public StrategyOf<SecondByGrofman> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByGrofman",
      .name = "Second by Grofman",
      .aliases = "K86R",
      .summary =
          "C, C, TFT to move 7; then C unless the opponent's D in turns t-8..t-2 exceed 2 (1).",
      .cite = "Axelrod1980b",
      .memory_depth = 8,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t n = opponent.size();
    if (n < 2) return Action::C;
    if (n <= 6) return opponent.back();
    int defections = 0;  // in opponent moves [n-8, n-1), clipped at the start
    for (std::size_t t = n >= 8 ? n - 8 : 0; t + 1 < n; ++t) defections += opponent[t] == Action::D;
    const int tolerated = own.back() == Action::C ? 2 : 1;
    return defections <= tolerated ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
