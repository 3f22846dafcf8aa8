#include <catch2/catch.hpp>

#include "strategies/first_by_downing.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByDowning;

TEST_CASE("first_by_downing: moves against fixed opponents", "[strategy][first_by_downing]") {
  // Move 3: alpha = 1, beta = 1/2, 3 = 3: a tie, so it alternates from D to C. Afterwards
  // beta -> 1 against an unconditional cooperator and defecting pays more.
  CHECK(play<FirstByDowning>(Cycle("C"), 7) == Moves("DC DC CC DC DC DC DC"));
  CHECK(play<FirstByDowning>(Cycle("D"), 4) == Moves("DD DD DD DD"));
  // Move 3: alpha = 1, beta = 0 -> C; then beta = 1/2, 1/3, 2/4, 2/5 with alpha = 1/2 -> D.
  CHECK(play<FirstByDowning>(Cycle("CD"), 7) == Moves("DC DD CC DD DC DD DC"));
}
