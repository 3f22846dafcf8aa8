// Pinned moves of mem2.hpp's strategies against fixed opponents. The expected strings were
// recorded from the Axelrod library v4.13.0 (its own matches, lengths told to the players), which
// Kindest follows; tokens are (own, opponent).
#include <catch2/catch.hpp>

#include "strategies/mem2.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("mem2: MEM2 against fixed opponents", "[strategy][mem2]") {
  CHECK(play<MEM2>(Cycle("CD"), 12) == Moves("CC CD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<MEM2>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<MEM2>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC DD DC DC DD DD DD DC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}
