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
/// The expected values use the match's payoffs. A tie is decided exactly (rational arithmetic
/// on the counts), as the rule states; the library compares two floating-point sums, so a tie
/// such as 5/3 against 5/3 can come out either way by one rounding step (e.g. against
/// FirstByShubik at move 165, against FirstBySteinAndRapoport at move 133 of a 200-move
/// match). Not a documented convention of the library, so Kindest keeps the exact tie.
class FirstByDowning final : public StrategyOf<FirstByDowning> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByDowning",
      .name = "First by Downing",
      .aliases = "Downing",
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
    // alpha = nc / a and beta = nd / b. Compare alpha R + (1 - alpha) S with
    // beta T + (1 - beta) P multiplied through by a b, so integer payoffs compare exactly.
    const auto& [r, s, t, p] = match_attributes().payoffs;
    const auto a = static_cast<double>(own.cooperations() + 1);
    const auto b = static_cast<double>(std::max<std::int64_t>(own.defections(), 2));
    const auto nc = static_cast<double>(cooperations_after_c_);
    const auto nd = static_cast<double>(cooperations_after_d_);
    const double value_c = (r * nc + s * (a - nc)) * b;
    const double value_d = (t * nd + p * (b - nd)) * a;
    if (value_c > value_d) return Action::C;
    if (value_c < value_d) return Action::D;
    return flip(own.back());
  }

 private:
  std::int64_t cooperations_after_c_ = 0;
  std::int64_t cooperations_after_d_ = 0;
};

}  // namespace kindest::strategies
