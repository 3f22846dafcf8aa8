#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/prober2.hpp"

using namespace kindest::testing;
using kindest::strategies::Prober2;

TEST_CASE("prober2: moves against fixed opponents", "[strategy][prober2]") {
  CHECK(play<Prober2>(Cycle("C"), 5) == Moves("DC CC CC CC CC"));
  CHECK(play<Prober2>(Cycle("D"), 5) == Moves("DD CD CD DD DD"));
  // Answered D, C on moves 2 and 3: cooperate for good, even against later defections.
  CHECK(play<Prober2>(Script("CDCDD"), 5) == Moves("DC CD CC CD CD"));
}
