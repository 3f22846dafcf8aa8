#pragma once
// Exact expected payoffs of two memory-one strategies, from the 4-state Markov chain on the
// last round's outcome (CC, CD, DC, DD from player X's side). Execution noise epsilon turns each
// cooperation probability p into (1 - epsilon) p + epsilon (1 - p).
//   fixed n turns:      average of v0 M^t over t < n
//   continuation w:     (1 - w) v0 (I - w M)^-1, the expected payoff per round of a match whose
//                       length is geometric (equal to the normalised discounted payoff)
//   long run:           the stationary distribution when unique (by state reduction, accurate
//                       to rounding however nearly reducible the chain), else the Cesaro limit
//                       from v0
#include <array>

#include "engine/core/strategy.hpp"
#include "engine/games/prisoners_dilemma.hpp"
#include "engine/match/match.hpp"

namespace kindest::match {

struct ExactPayoffs {
  std::array<double, 2> payoff_per_turn{};    // X, Y
  std::array<double, 2> cooperation_rate{};   // X, Y
  std::array<double, 4> outcome_frequency{};  // CC, CD, DC, DD from X's side
};

/// Expected per-turn values for a match as `settings` describes it (fixed turns or continuation).
ExactPayoffs exact_match_payoffs(const MemoryOneVector& x, const MemoryOneVector& y,
                                 const games::PrisonersDilemma& game,
                                 const MatchSettings& settings);

/// The limit of infinitely long matches with noise `execution_error_rate`.
ExactPayoffs long_run_payoffs(const MemoryOneVector& x, const MemoryOneVector& y,
                              const games::PrisonersDilemma& game, double execution_error_rate);

}  // namespace kindest::match
