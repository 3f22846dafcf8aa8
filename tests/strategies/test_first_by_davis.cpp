#include <catch2/catch.hpp>

#include "strategies/first_by_davis.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByDavis;

TEST_CASE("first_by_davis: moves against fixed opponents", "[strategy][first_by_davis]") {
  CHECK(play<FirstByDavis>(Cycle("C"), 12) == Moves("CC CC CC CC CC CC CC CC CC CC CC CC"));
  // Ten cooperations whatever happens, then the grudge.
  CHECK(play<FirstByDavis>(Cycle("D"), 13) == Moves("CD CD CD CD CD CD CD CD CD CD DD DD DD"));
  // A defection inside the first ten moves is remembered afterwards.
  CHECK(play<FirstByDavis>(Script("CCCCCCCCDCCC"), 12) ==
        Moves("CC CC CC CC CC CC CC CC CD CC DC DC"));
}
