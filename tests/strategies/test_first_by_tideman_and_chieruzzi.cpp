#include <catch2/catch.hpp>

#include "strategies/first_by_tideman_and_chieruzzi.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByTidemanAndChieruzzi;

TEST_CASE("first_by_tideman_and_chieruzzi: moves against fixed opponents",
          "[strategy][first_by_tideman_and_chieruzzi]") {
  CHECK(play<FirstByTidemanAndChieruzzi>(Cycle("C"), 4) == Moves("CC CC CC CC"));
  // Runs of the opponent's defections are punished with 1, 2, 3, ... defections.
  CHECK(play<FirstByTidemanAndChieruzzi>(Cycle("D"), 6) == Moves("CD DD DD DD DD DD"));
  CHECK(play<FirstByTidemanAndChieruzzi>(Cycle("CD"), 10) ==
        Moves("CC CD DC CD DC DD DC DD DC CD"));
}

TEST_CASE("first_by_tideman_and_chieruzzi: fresh start",
          "[strategy][first_by_tideman_and_chieruzzi]") {
  // Punishments of 1, 2, 3 put it 15 points ahead by move 10. The opponent's 3 defections are
  // more than 3 s.d. below N/2 only once N = 20 (10 - 1.5 sqrt(20) = 3.29), so move 21 starts a
  // fresh start: C, C regardless of the opponent, and the next defection costs a single D
  // (without the fresh start it would be a punishment of 4).
  const std::string opponent = "CDCDCCDCCC" + std::string(10, 'C') + "DDCC";
  const std::string expected = "CC CD DC CD DC DC CD DC DC DC " + repeat("CC", 10) + "CD CD DC CC";
  CHECK(play<FirstByTidemanAndChieruzzi>(Script(opponent), 24) == Moves(expected));
}
