#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/tit_for_2_tats.hpp"

using namespace kindest::testing;
using kindest::strategies::TitFor2Tats;

TEST_CASE("tit_for_2_tats: moves against fixed opponents", "[strategy][tit_for_2_tats]") {
  CHECK(play<TitFor2Tats>(Cycle("D"), 4) == Moves("CD CD DD DD"));
  CHECK(play<TitFor2Tats>(Cycle("CD"), 4) == Moves("CC CD CC CD"));
  CHECK(play<TitFor2Tats>(Script("DDCDDD"), 6) == Moves("CD CD DC CD CD DD"));
}
