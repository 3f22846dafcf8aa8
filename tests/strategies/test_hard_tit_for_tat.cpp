#include <catch2/catch.hpp>

#include "strategies/hard_tit_for_tat.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::HardTitForTat;

TEST_CASE("hard_tit_for_tat: moves against fixed opponents", "[strategy][hard_tit_for_tat]") {
  CHECK(play<HardTitForTat>(Cycle("C"), 3) == Moves("CC CC CC"));
  CHECK(play<HardTitForTat>(Script("DCCCCDC"), 7) == Moves("CD DC DC DC CC CD DC"));
}
