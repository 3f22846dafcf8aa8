#pragma once
// Matches actually played inside a population, as in the Axelrod library's Moran process: the
// payoffs of a generation are the realised scores, not their expectation.
//
// Individuals are laid out strategy by strategy (counts[0] individuals of strategy 0, then
// strategy 1, ...), and every pair of distinct individuals a < b plays one match, drawing from
// the stream (seed, Purpose::population_match, replicate, generation, a * Z + b). A pair of
// strategies with no such pair of individuals (a strategy absent, or present once for its own
// diagonal) plays one representative match on index Z * Z + i * S + j, so every entry is
// defined for mutants that appear during the generation.
//
// A generation of a large population is millions of matches (Z = 3000: 4.5e6), minutes of work;
// the stop flag is read before every match, so Ctrl-C takes effect within one match
// (engine/core/stop.hpp): Interrupted is thrown and the part-played generation is discarded.
#include <atomic>
#include <cstdint>
#include <vector>

#include "engine/core/strategy.hpp"
#include "engine/games/payoff_matrix.hpp"
#include "engine/games/prisoners_dilemma.hpp"
#include "engine/match/match.hpp"

namespace kindest::match {

struct RealisedGame {
  games::PayoffMatrix payoffs;      // (i, j): mean score per turn of an i against a j
  games::PayoffMatrix cooperation;  // (i, j): mean fraction of turns an i cooperated against a j
};

RealisedGame play_population_matches(const std::vector<Player>& players,
                                     const std::vector<std::uint32_t>& counts,
                                     const games::PrisonersDilemma& game,
                                     const MatchSettings& settings, std::uint64_t seed,
                                     std::uint64_t replicate, std::uint64_t generation,
                                     const std::atomic<bool>* stop = nullptr);

}  // namespace kindest::match
