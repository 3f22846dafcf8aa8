#include <catch2/catch.hpp>

#include "strategies/anti_tit_for_tat.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::AntiTitForTat;

TEST_CASE("anti_tit_for_tat: moves against fixed opponents", "[strategy][anti_tit_for_tat]") {
  CHECK(play<AntiTitForTat>(Cycle("C"), 3) == Moves("CC DC DC"));
  CHECK(play<AntiTitForTat>(Cycle("D"), 3) == Moves("CD CD CD"));
  CHECK(play<AntiTitForTat>(Cycle("CD"), 4) == Moves("CC DD CC DD"));
}
