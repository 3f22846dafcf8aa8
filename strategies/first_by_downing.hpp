#pragma once
#include <algorithm>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Models the opponent as answering its previous move: alpha = P(opponent C | own C), beta =
/// P(opponent C | own D), both estimated from play, and cooperates when alpha R + (1 - alpha) S
/// beats beta T + (1 - beta) P, defects when it loses and alternates on a tie. Leslie Downing's
/// entry, 10th in Axelrod's first tournament [Axelrod1980], after [Downing1975].
/// Interpretation follows the Axelrod library: it defects on the first two moves (the original
/// program did), the opponent's first move counts as an answer to a cooperation "before the
/// match", and the denominators are (own cooperations + 1) and max(own defections, 2).
/// Strategies do not see payoffs: the estimate uses (R, S, T, P) = (3, 0, 5, 1).
class FirstByDowning final : public StrategyOf<FirstByDowning> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByDowning",
      .name = "First by Downing",
      .aliases = "",
      .summary = "Best reply to an estimated reactive opponent; opens D, D.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t n = own.size();
    if (n == 0) return Action::D;
    if (n == 1) {
      cooperations_after_c_ += opponent.back() == Action::C;
      return Action::D;
    }
    if (opponent.back() == Action::C) {
      if (own.back(2) == Action::C)
        ++cooperations_after_c_;
      else
        ++cooperations_after_d_;
    }
    // alpha = nc / a and beta = nd / b; compare 3 alpha with 5 beta + (1 - beta) exactly.
    const std::int64_t a = own.cooperations() + 1;
    const std::int64_t b = std::max<std::int64_t>(own.defections(), 2);
    const std::int64_t value_c = 3 * cooperations_after_c_ * b;
    const std::int64_t value_d = (b + 4 * cooperations_after_d_) * a;
    if (value_c > value_d) return Action::C;
    if (value_c < value_d) return Action::D;
    return flip(own.back());
  }

 private:
  std::int64_t cooperations_after_c_ = 0;
  std::int64_t cooperations_after_d_ = 0;
};

}  // namespace kindest::strategies
