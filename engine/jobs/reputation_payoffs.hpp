#pragma once
// Payoffs per composition from simulated reputation games, for the small-mutation limit with
// indirect reciprocity (the method of Hilbe, Schmid, Tkadlec, Chatterjee & Nowak 2018, PNAS
// 115:12241): reputations make payoffs depend on the whole population in ways no matrix
// captures, so for every pair of strategies (i, j) and every composition of Z - k individuals
// of i and k of j (k = 1 .. Z-1) the reputation game is played -- burn_in rounds, then window
// measured rounds -- and the mean payoff per round of an individual of each strategy is taken
// from the window. The fixation probabilities and the stationary distribution then follow from
// those payoffs exactly as for a matrix game (analytic::CompositionPayoffs).
//
// One game serves both directions: the composition (Z - k of i, k of j) is "k mutants j among
// residents i" and "Z - k mutants i among residents j", so S (S - 1) / 2 pairs x (Z - 1)
// compositions are simulated, not S (S - 1) x (Z - 1), and the two fixation probabilities of a
// pair see the same estimates. A monomorphic game per strategy gives its self-cooperation and
// payoff (what the population does while it sits in that state of the embedded chain).
//
// Every game has its own streams, composition_run(seed, i * S + j, k) (i = j, k = 0 for the
// monomorphic ones; engine/random/streams.hpp), and writes its own slot, so all of them run in
// parallel (oneTBB) with results independent of the number of threads. Individuals 0 .. Z-k-1
// hold strategy i, the others j (the schedules are uniform, so the order does not matter).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/analytic/fixation_probabilities.hpp"
#include "engine/jobs/job.hpp"
#include "engine/reputation/reputation_game.hpp"

namespace kindest::jobs {

struct CompositionGames {
  reputation::GameSettings game;
  std::vector<reputation::Strategy> strategies;  // S >= 2
  std::size_t population_size = 0;               // Z >= 2
  std::uint64_t burn_in = 0;                     // rounds before the window, per game
  std::uint64_t window = 1;                      // measured rounds per game (>= 1)
  std::uint64_t seed = 0;
  /// Called from worker threads after each game: (games done, games in all).
  GenerationProgress progress = {};
};

struct ReputationPayoffs {
  /// Mean payoff per round of a mutant and of a resident, per ordered pair and composition.
  analytic::CompositionPayoffs payoffs;
  /// Fraction of donor actions that were C, per ordered pair and composition (indexed as
  /// payoffs.index(); NaN on the diagonal): what the population does on its way.
  std::vector<double> cooperation;
  /// Monomorphic population of each strategy: fraction of C, mean payoff per round, and the
  /// fraction of good views (observer != subject).
  std::vector<double> self_cooperation;
  std::vector<double> self_payoff;
  std::vector<double> self_good_fraction;
};

/// Number of reputation games simulate_composition_payoffs plays: S + S (S - 1) / 2 (Z - 1).
std::size_t composition_game_count(std::size_t strategies, std::size_t population_size);

/// The work simulate_composition_payoffs does, in word updates: games x (burn_in + window)
/// rounds x actions per round (N, or N (N - 1) for all_pairs) x ceil(N / 64) observer words
/// per action under private assessment (1 under public). About 1e7 per CPU-second at N = 50
/// on the standard machine (bench/README.md), more for larger N.
double composition_work(const CompositionGames& games);

/// The most composition_work the analysis job takes (about ten minutes on 2 cores at the rate
/// above); beyond it the job is refused before any game is played.
inline constexpr double kMaxCompositionWork = 1e10;

/// Plays every composition's game (in parallel; thread-count independent). Throws
/// std::invalid_argument for Z < 2, fewer than 2 strategies, a window of 0 rounds, or what the
/// game refuses (reputation::ReputationGame's constructor), the message of the first game in
/// order that failed.
ReputationPayoffs simulate_composition_payoffs(const CompositionGames& games);

}  // namespace kindest::jobs
