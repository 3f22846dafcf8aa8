// Pinned moves of tricky.hpp's strategies against fixed opponents. The expected strings were
// recorded from the Axelrod library v4.13.0 (its own matches, lengths told to the players), which
// Kindest follows; tokens are (own, opponent).
#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/tricky.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("tricky: TrickyCooperator against fixed opponents", "[strategy][tricky]") {
  CHECK(play<TrickyCooperator>(Cycle("CD"), 12) == Moves("CC CD CC CD CC CD CC CD CC CD CC CD"));
  CHECK(play<TrickyCooperator>(Cycle("D"), 8) == Moves("CD CD CD CD CD CD CD CD"));
  CHECK(
      play<TrickyCooperator>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD CD CC CD CC CC CD CD CD CC CD CD CC CC CC CD CC CC CD CC CD CD CC CC CC CC"));
}

TEST_CASE("tricky: TrickyDefector against fixed opponents", "[strategy][tricky]") {
  CHECK(play<TrickyDefector>(Cycle("CD"), 12) == Moves("DC DD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<TrickyDefector>(Cycle("D"), 8) == Moves("DD DD DD DD DD DD DD DD"));
  CHECK(
      play<TrickyDefector>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC DC DD DD DC DD DC DC DD DD DD CC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}
