#include <catch2/catch.hpp>

#include "strategies/hard_tit_for_2_tats.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::HardTitFor2Tats;

TEST_CASE("hard_tit_for_2_tats: moves against fixed opponents", "[strategy][hard_tit_for_2_tats]") {
  CHECK(play<HardTitFor2Tats>(Cycle("CD"), 4) == Moves("CC CD CC CD"));
  // The double defection at turns 2-3 is punished on turns 4 and 5, i.e. while it is still
  // within the last three rounds.
  CHECK(play<HardTitFor2Tats>(Script("DCDDCCCDC"), 9) == Moves("CD CC CD CD DC DC CC CD CC"));
}
