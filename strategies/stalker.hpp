#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Steers by its own average payoff per turn so far, a: cooperates first; then defects if
/// a > R (it is exploiting), cooperates if (R + P)/2 < a < R or a > 2, defects if 1 < a < 2,
/// and otherwise tosses a fair coin. Defects on the last move of a match of known length.
/// The thresholds 2 and 1 are fixed numbers, not derived from the game, as in the Axelrod
/// library's reading of the source. [Andre2013]
class Stalker final : public StrategyOf<Stalker> {
 public:
  static constexpr StrategyInfo info{
      .id = "Stalker",
      .name = "Stalker",
      .aliases = "",
      .summary = "Play by own average payoff so far: D above R, C above (R+P)/2 or 2, ...",
      .cite = "Andre2013",
      .memory_depth = -1,
      .stochastic = true,
      .uses_length = true,
      .uses_game = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    if (among_last_moves(own, 1)) return Action::D;
    if (own.empty()) return Action::C;
    for (; scored_ < own.size(); ++scored_)
      score_ += match_attributes().payoff(own[scored_], opponent[scored_]);
    const double average = score_ / static_cast<double>(own.size());
    const double R = match_attributes().payoff(Action::C, Action::C);
    const double P = match_attributes().payoff(Action::D, Action::D);
    if (average > R) return Action::D;
    if (average > (R + P) / 2 && average < R) return Action::C;
    if (average > 2) return Action::C;
    if (average > 1 && average < 2) return Action::D;
    return rng.bernoulli(0.5) ? Action::C : Action::D;
  }

 private:
  std::size_t scored_ = 0;  // turns added to score_
  double score_ = 0;        // own payoff summed over those turns
};

}  // namespace kindest::strategies
