#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Downing's first-tournament idea revised (K59R in Axelrod's second tournament [Axelrod1980b],
/// as the Axelrod library reads the Fortran). It estimates good = P(opponent C | own C two moves
/// before) and bad = P(opponent C | own D two moves before), starting from good = 1, bad = 0,
/// and with c = 6 good - 8 bad - 2, alt = 4 good - 5 bad - 1 cooperates when c >= 0 and
/// c >= alt, switches its own last move when alt >= 0 (or 0 <= c < alt), and defects otherwise.
/// The estimates skip the opponent's first move, so it opens C, C.
class RevisedDowning final : public StrategyOf<RevisedDowning> {
 public:
  static constexpr StrategyInfo info{
      .id = "RevisedDowning",
      .name = "Revised Downing",
      .aliases = "K59R",
      .summary = "C if answering C with C pays (estimated replies to own moves); else D or switch.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.empty()) return Action::C;
    // The reply to the move two turns back, as the original counts it (the one-turn lag is the
    // Fortran's, kept because it decides the opening C, C).
    if (own.size() >= 2) {
      const bool replied_c = opponent.back() == Action::C;
      if (own.back(2) == Action::D) {
        nice_after_d_ += replied_c;
        ++after_d_;
        bad_ = static_cast<double>(nice_after_d_) / static_cast<double>(after_d_);
      } else {
        nice_after_c_ += replied_c;
        ++after_c_;
        good_ = static_cast<double>(nice_after_c_) / static_cast<double>(after_c_);
      }
    }
    // Evaluated left to right as the library does, so ties round alike.
    const double c = 6.0 * good_ - 8.0 * bad_ - 2;
    const double alt = 4.0 * good_ - 5.0 * bad_ - 1;
    if (c >= 0 && c >= alt) return Action::C;
    if ((c >= 0 && c < alt) || alt >= 0) return flip(own.back());
    return Action::D;
  }

 private:
  double good_ = 1.0;
  double bad_ = 0.0;
  std::int64_t nice_after_c_ = 0;
  std::int64_t nice_after_d_ = 0;
  std::int64_t after_c_ = 0;
  std::int64_t after_d_ = 0;
};

}  // namespace kindest::strategies
