#include <catch2/catch.hpp>

#include "strategies/first_by_tideman_and_chieruzzi.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByTidemanAndChieruzzi;

TEST_CASE("first_by_tideman_and_chieruzzi: moves against fixed opponents",
          "[strategy][first_by_tideman_and_chieruzzi]") {
  // Defects on the last two moves of a match of known length.
  CHECK(play<FirstByTidemanAndChieruzzi>(Cycle("C"), 4) == Moves("CC CC DC DC"));
  CHECK(play_within(FirstByTidemanAndChieruzzi{}, Cycle("C"), 4, {}) == Moves("CC CC CC CC"));
  // Runs of the opponent's defections are punished with 1, 2, 3, ... defections.
  CHECK(play<FirstByTidemanAndChieruzzi>(Cycle("D"), 6) == Moves("CD DD DD DD DD DD"));
  CHECK(play<FirstByTidemanAndChieruzzi>(Cycle("CD"), 10) ==
        Moves("CC CD DC CD DC DD DC DD DC DD"));
}

TEST_CASE("first_by_tideman_and_chieruzzi: fresh start",
          "[strategy][first_by_tideman_and_chieruzzi]") {
  // Punishments of 1, 2, 3 put it 15 points ahead by move 10. The opponent's 3 defections are
  // more than 3 s.d. below N/2 only once N = 20 (10 - 1.5 sqrt(20) = 3.29), so move 21 starts a
  // fresh start: C, C regardless of the opponent, and the next defection costs a single D
  // (without the fresh start it would be a punishment of 4).
  const std::string opponent = "CDCDCCDCCC" + std::string(10, 'C') + "DDCC";
  const std::string expected = "CC CD DC CD DC DC CD DC DC DC " + repeat("CC", 10) + "CD CD DC CC";
  // The first 24 moves of a 31-move match: 10 moves remain after move 21, as required.
  const FirstByTidemanAndChieruzzi s;
  CHECK(play_within(s, Script(opponent), 24, {.length = 31}) == Moves(expected));
  CHECK(play_within(s, Script(opponent), 24, {}) == Moves(expected));  // unknown length
  // In a 30-move match only 9 remain: no fresh start, and the opponent's 4th run of defections
  // (moves 21-22) is punished with 4 defections.
  const std::string punished = "CC CD DC CD DC DC CD DC DC DC " + repeat("CC", 10) + "CD DD DC DC";
  CHECK(play_within(s, Script(opponent), 24, {.length = 30}) == Moves(punished));
}

TEST_CASE("first_by_tideman_and_chieruzzi: scores use the match's payoffs",
          "[strategy][first_by_tideman_and_chieruzzi]") {
  // In the fresh-start case above it leads by (T - S) x (6 DC - 3 CD) = 15 points at move 21.
  // With T = 3.2 the lead is 9.6, short of 10: no fresh start, as in a 30-move match.
  const std::string opponent = "CDCDCCDCCC" + std::string(10, 'C') + "DDCC";
  const std::string punished = "CC CD DC CD DC DC CD DC DC DC " + repeat("CC", 10) + "CD DD DC DC";
  CHECK(play_within(FirstByTidemanAndChieruzzi{}, Script(opponent), 24,
                    {.length = 31, .payoffs = {3, 0, 3.2, 1}}) == Moves(punished));
}
