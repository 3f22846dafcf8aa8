// Pinned moves of probers.hpp's strategies against fixed opponents. The expected strings were
// recorded from the Axelrod library v4.13.0 (its own matches, lengths told to the players), which
// Kindest follows; tokens are (own, opponent).
#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/probers.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("probers: HardProber against fixed opponents", "[strategy][probers]") {
  CHECK(play<HardProber>(Cycle("CD"), 12) == Moves("DC DD CC CD DC CD DC CD DC CD DC CD"));
  CHECK(play<HardProber>(Cycle("D"), 8) == Moves("DD DD CD CD DD DD DD DD"));
  CHECK(
      play<HardProber>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC DC CD CD DC CD DC CC CD DD DD DC CD DD DC CC CC CD DC CC CD DC CD DD DC CC CC CC"));
}

TEST_CASE("probers: Detective against fixed opponents", "[strategy][probers]") {
  CHECK(play<Detective>(Cycle("CD"), 12) == Moves("CC DD CC CD DC CD DC CD DC CD DC CD"));
  CHECK(play<Detective>(Cycle("D"), 8) == Moves("CD DD CD CD DD DD DD DD"));
  CHECK(
      play<Detective>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC DC CD CD DC CD DC CC CD DD DD DC CD DD DC CC CC CD DC CC CD DC CD DD DC CC CC CC"));
}

TEST_CASE("probers: CollectiveStrategy against fixed opponents", "[strategy][probers]") {
  CHECK(play<CollectiveStrategy>(Cycle("CD"), 12) == Moves("CC DD CC CD DC DD DC DD DC DD DC DD"));
  CHECK(play<CollectiveStrategy>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<CollectiveStrategy>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC DC DD DD DC DD DC DC DD DD DD DC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("probers: Prober4 against fixed opponents", "[strategy][probers]") {
  CHECK(play<Prober4>(Cycle("CD"), 12) == Moves("CC CD DC CD DC DD DC CD CC DD CC DD"));
  CHECK(play<Prober4>(Cycle("D"), 8) == Moves("CD CD DD CD DD DD DD CD"));
  CHECK(
      play<Prober4>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC DD CD DC DD DC CC CD DD CD DC CD CD DC CC DC DD CC DC DD DC DD DD DC DC DC DC"));
}
