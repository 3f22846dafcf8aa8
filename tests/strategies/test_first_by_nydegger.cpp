#include <catch2/catch.hpp>

#include "strategies/first_by_nydegger.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByNydegger;

TEST_CASE("first_by_nydegger: moves against fixed opponents", "[strategy][first_by_nydegger]") {
  CHECK(play<FirstByNydegger>(Cycle("C"), 5) == Moves("CC CC CC CC CC"));
  // A = 62, 47, 43, 42 after the tit-for-tat opening: none is a defecting sum.
  CHECK(play<FirstByNydegger>(Cycle("D"), 7) == Moves("CD DD DD CD CD CD CD"));
  // Opponent D then C: defect on move 3; then A = 22 (D), 21, 5, 1 (D), 16, 4, 1 (D).
  CHECK(play<FirstByNydegger>(Script("DCCCCCCCCC"), 10) == Moves("CD DC DC DC CC CC DC CC CC DC"));
}
