#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/punisher.hpp"

using namespace kindest::testing;
using kindest::strategies::InversePunisher;

TEST_CASE("inverse_punisher: moves against fixed opponents", "[strategy][inverse_punisher]") {
  CHECK(play<InversePunisher>(Cycle("C"), 3) == Moves("CC CC CC"));
  // No cooperations yet: the grudge is at least 1, so 2 defections.
  CHECK(play<InversePunisher>(Script("DCCC"), 4) == Moves("CD DC DC CC"));
  // 3 cooperations in 4 moves: 1 + 60 / 4 = 16 defections.
  CHECK(play<InversePunisher>(Script("CCCD" + std::string(17, 'C')), 21) ==
        Moves("CC CC CC CD " + repeat("DC", 16) + "CC"));
}
