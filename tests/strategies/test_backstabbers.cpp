// Pinned moves of backstabbers.hpp's strategies against fixed opponents. The expected strings were
// recorded from the Axelrod library v4.13.0 (its own matches, lengths told to the players), which
// Kindest follows; tokens are (own, opponent).
#include <catch2/catch.hpp>

#include "strategies/backstabbers.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("backstabbers: BackStabber against fixed opponents", "[strategy][backstabbers]") {
  CHECK(play<BackStabber>(Cycle("CD"), 12) == Moves("CC CD CC CD CC CD CC CD DC DD DC DD"));
  CHECK(play<BackStabber>(Cycle("D"), 8) == Moves("CD CD CD CD DD DD DD DD"));
  CHECK(
      play<BackStabber>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD CD CC CD CC CC CD DD DD DC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("backstabbers: DoubleCrosser against fixed opponents", "[strategy][backstabbers]") {
  CHECK(play<DoubleCrosser>(Cycle("CD"), 12) == Moves("CC CD CC CD CC CD CC CD DC DD DC DD"));
  CHECK(play<DoubleCrosser>(Cycle("D"), 8) == Moves("CD CD CD CD DD DD DD DD"));
  CHECK(
      play<DoubleCrosser>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD CD CC CD CC CC CD DD DD DC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}
