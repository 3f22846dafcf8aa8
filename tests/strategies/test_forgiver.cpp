#include <catch2/catch.hpp>

#include "strategies/forgiver.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Forgiver;

TEST_CASE("forgiver: moves against fixed opponents", "[strategy][forgiver]") {
  CHECK(play<Forgiver>(Cycle("C"), 3) == Moves("CC CC CC"));
  CHECK(play<Forgiver>(Cycle("D"), 3) == Moves("CD DD DD"));
  // One defection is more than 10% of the opponent's moves until it has made 10 of them.
  CHECK(play<Forgiver>(Script("DCCCCCCCCCCC"), 12) == Moves("CD DC DC DC DC DC DC DC DC DC CC CC"));
}
