#include <catch2/catch.hpp>

#include "strategies/first_by_shubik.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByShubik;

TEST_CASE("first_by_shubik: moves against fixed opponents", "[strategy][first_by_shubik]") {
  CHECK(play<FirstByShubik>(Cycle("C"), 4) == Moves("CC CC CC CC"));
  // Retaliations of 1, 2, 3 defections, each followed by one cooperation.
  CHECK(play<FirstByShubik>(Cycle("D"), 10) == Moves("CD DD CD DD DD CD DD DD DD CD"));
  CHECK(play<FirstByShubik>(Cycle("CD"), 12) == Moves("CC CD DC CD DC DD CC CD DC DD DC CD"));
  // A defection that meets its own defection does not start a new retaliation.
  CHECK(play<FirstByShubik>(Script("DDCC"), 4) == Moves("CD DD CC CC"));
}
