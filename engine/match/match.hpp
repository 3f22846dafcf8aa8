#pragma once
// One iterated game between two strategies: fixed length or random length (continuation
// probability w), with execution noise (each intended move flipped with probability epsilon).
// Both players see the moves as played, after noise, and are told the match's attributes (the
// length when fixed, the game) before the first move.
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/core/strategy.hpp"
#include "engine/games/prisoners_dilemma.hpp"

namespace kindest::match {

struct MatchSettings {
  std::int64_t turns = 200;             // used when continuation_probability == 0
  double continuation_probability = 0;  // w: after each turn another follows with prob. w
  double execution_error_rate = 0;      // epsilon
  /// True when two deterministic strategies must always produce the same match.
  bool is_deterministic() const noexcept {
    return continuation_probability == 0 && execution_error_rate == 0;
  }
};

struct MatchResult {
  std::array<double, 2> score{};               // total payoff of player 0 and player 1
  std::array<std::int64_t, 2> cooperations{};  // moves played as C (after noise)
  std::int64_t turns = 0;
};

/// Plays matches, reusing its history buffers so a tournament allocates once per worker.
class Match {
 public:
  Match(const games::PrisonersDilemma& game, const MatchSettings& settings)
      : table_(game.table()), settings_(settings) {}

  /// Plays `a` (player 0) against `b` (player 1). All randomness -- the match length, the
  /// strategies' own draws and the noise -- comes from `rng`, in that order within each turn:
  /// a's move, b's move, then one draw for both players' noise (high half a, low half b).
  MatchResult play(Strategy& a, Strategy& b, Stream& rng);

  /// The moves of the last play, as played: (player 0, player 1) per turn.
  std::vector<std::pair<Action, Action>> moves() const;

 private:
  std::array<double, 4> table_;
  MatchSettings settings_;
  History history_a_, history_b_;
};

}  // namespace kindest::match
