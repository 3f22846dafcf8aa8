#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/punisher.hpp"

using namespace kindest::testing;
using kindest::strategies::Punisher;

TEST_CASE("punisher: moves against fixed opponents", "[strategy][punisher]") {
  CHECK(play<Punisher>(Cycle("C"), 3) == Moves("CC CC CC"));
  CHECK(play<Punisher>(Cycle("D"), 5) == Moves("CD DD DD DD DD"));
  // 1 defection in 4 moves: 1 + 20 / 4 = 6 defections, then cooperation.
  CHECK(play<Punisher>(Script("CCCDCCCCCCC"), 11) == Moves("CC CC CC CD DC DC DC DC DC DC CC"));
}
