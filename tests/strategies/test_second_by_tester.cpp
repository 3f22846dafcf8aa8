#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/second_by_tester.hpp"

using namespace kindest::testing;
using kindest::strategies::SecondByTester;

TEST_CASE("second_by_tester: moves against fixed opponents", "[strategy][second_by_tester]") {
  // Never punished: C on moves 2 and 3, then alternate.
  CHECK(play<SecondByTester>(Cycle("C"), 8) == Moves("DC CC CC DC CC DC CC DC"));
  // Punished: apologise once, then tit for tat.
  CHECK(play<SecondByTester>(Cycle("D"), 4) == Moves("DD CD DD DD"));
  CHECK(play<SecondByTester>(Script("CCCDCC"), 6) == Moves("DC CC CC DD CC CC"));
}
