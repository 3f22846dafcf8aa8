#pragma once
// Axelrod-style round robin: every pair of players (and each player against a copy of itself
// when self_play is on) plays `repetitions` matches. Pairs run in parallel with oneTBB; each
// pair's repetitions run in order on one thread and write only that pair's cells, so results are
// bit-identical for any thread count. Match r of pair (i, j) draws from the stream
// (seed, Purpose::match, i, j, r).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/core/strategy.hpp"
#include "engine/games/prisoners_dilemma.hpp"
#include "engine/match/match.hpp"

namespace kindest::tournament {

struct TournamentSettings {
  match::MatchSettings match;
  std::int64_t repetitions = 10;
  bool self_play = true;
  std::uint64_t seed = 1;
};

/// Matrices are n x n, row-major, entry (i, j) = row player i against column player j. For
/// self-play cells (i, i) both copies' values are averaged.
struct TournamentResult {
  std::vector<std::string> players;
  std::vector<double> score_per_turn;      // mean over repetitions of score / turns
  std::vector<double> score_per_turn_std;  // sample standard deviation over repetitions
  std::vector<double> cooperation_rate;    // mean fraction of turns the row player cooperated
  std::vector<double> cooperation_rate_std;
  std::vector<std::uint64_t> wins;          // repetitions in which row scored more than column
  std::vector<std::uint64_t> turns;         // total turns played by the pair
  std::vector<double> mean_score_per_turn;  // per player: mean of its row, self-play excluded
  std::vector<double> mean_score_per_turn_with_self;  // per player, self cell included if played
  std::vector<std::uint32_t> ranking;  // player indices, best first (by mean_score_per_turn)
  std::uint64_t turns_simulated = 0;   // turns actually played (deterministic pairs play once)
  std::uint64_t turns_total = 0;       // turns the tournament stands for

  std::size_t size() const noexcept { return players.size(); }
};

/// Called from worker threads after each pair finishes: (pairs done, pairs in all).
using Progress = std::function<void(std::size_t, std::size_t)>;

/// Matches pair (a, b) plays: one when both rules are deterministic and the match is (no
/// noise, fixed length), since every repetition would replay it; else `repetitions`.
std::int64_t plays_per_pair(const Player& a, const Player& b, const TournamentSettings& settings);

/// The turns run_round_robin will simulate (in expectation for random-length matches), before
/// it starts: what a tournament's time and a match's history memory follow.
double turns_to_simulate(const std::vector<Player>& players, const TournamentSettings& settings);

/// Matches of the round robin, each pair's repetitions counted once (they run in order on one
/// thread): at most this many histories are held at once.
std::size_t pair_count(std::size_t players, bool self_play);

TournamentResult run_round_robin(const std::vector<Player>& players,
                                 const games::PrisonersDilemma& game,
                                 const TournamentSettings& settings, const Progress& progress = {});

}  // namespace kindest::tournament
