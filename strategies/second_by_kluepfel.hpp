#pragma once
#include <cmath>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Counts how the opponent answered its moves (own move two turns back, the opponent's last).
/// From move 28 it defects against an opponent that looks random: among the answers to its
/// defections at least half minus 0.75 sqrt(their number) were C, and among the answers to its
/// cooperations at least half minus 0.75 sqrt(their number) were D. Otherwise it repeats the
/// opponent's last move when its last three agreed (C before the opponent has made three), else
/// with probability 0.9 when its last two agreed, 0.7 when the last was C and 0.6 when it was D.
/// Charles Kluepfel's entry (K32R) in Axelrod's second tournament [Axelrod1980b], as the
/// Axelrod library implements it (its code tests the answers to cooperations for D, where its
/// docstring says C; the code is followed). K32R is Kluepfel's code in the library's table of
/// the tournament's programs (its docstrings give K32R to Borufsen too, whose code is K42R).
class SecondByKluepfel final : public StrategyOf<SecondByKluepfel> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByKluepfel",
      .name = "Second by Kluepfel",
      .aliases = "K32R",
      .summary = "D vs an opponent whose answers look random; else echo its recent moves.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    if (own.size() >= 2) {
      const bool c = opponent.back() == Action::C;
      if (own.back(2) == Action::D)
        ++(c ? c_after_d_ : d_after_d_);
      else
        ++(c ? c_after_c_ : d_after_c_);
    }
    if (own.size() > 26) {
      auto at_least_half = [](std::int64_t k, std::int64_t n) {
        const auto x = static_cast<double>(n);
        return static_cast<double>(k) >= x / 2 - 0.75 * std::sqrt(x);
      };
      if (at_least_half(c_after_d_, c_after_d_ + d_after_d_) &&
          at_least_half(d_after_c_, d_after_c_ + c_after_c_))
        return Action::D;
    }
    auto ago = [&](std::size_t k) { return opponent.size() >= k ? opponent.back(k) : Action::C; };
    const Action last = ago(1);
    if (last == ago(2) && last == ago(3)) return last;
    const double keep = last == ago(2) ? 0.9 : last == Action::C ? 0.7 : 0.6;
    return rng.bernoulli(keep) ? last : flip(last);
  }

 private:
  std::int64_t c_after_d_ = 0, d_after_d_ = 0, c_after_c_ = 0, d_after_c_ = 0;
};

}  // namespace kindest::strategies
