#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/tit_for_tat.hpp"

using namespace kindest::testing;
using kindest::strategies::TitForTat;

TEST_CASE("tit_for_tat: moves against fixed opponents", "[strategy][tit_for_tat]") {
  CHECK(play<TitForTat>(Cycle("CD"), 5) == Moves("CC CD DC CD DC"));
  CHECK(play<TitForTat>(Cycle("D"), 4) == Moves("CD DD DD DD"));
  CHECK(play<TitForTat>(Script("CCDDC"), 5) == Moves("CC CC CD DD DC"));
}
