#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/retaliate.hpp"

using namespace kindest::testing;
using kindest::strategies::Retaliate;

TEST_CASE("retaliate: moves against fixed opponents", "[strategy][retaliate]") {
  CHECK(play<Retaliate>(Cycle("C"), 3) == Moves("CC CC CC"));
  CHECK(play<Retaliate>(Cycle("D"), 4) == Moves("CD DD DD DD"));
  // Exploited once (move 2); it defects until it has exploited 10 times (moves 3, 5, ..., 21),
  // and the next exploitation (move 22) tips the balance again.
  CHECK(play<Retaliate>(Cycle("CD"), 24) ==
        Moves("CC CD DC DD DC DD DC DD DC DD DC DD DC DD DC DD DC DD DC DD DC CD DC DD"));
}
