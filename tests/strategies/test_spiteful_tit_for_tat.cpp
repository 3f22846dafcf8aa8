#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/spiteful_tit_for_tat.hpp"

using namespace kindest::testing;
using kindest::strategies::SpitefulTitForTat;

TEST_CASE("spiteful_tit_for_tat: moves against fixed opponents",
          "[strategy][spiteful_tit_for_tat]") {
  CHECK(play<SpitefulTitForTat>(Cycle("CD"), 4) == Moves("CC CD DC CD"));
  CHECK(play<SpitefulTitForTat>(Script("CDCDDCCC"), 8) == Moves("CC CD DC CD DD DC DC DC"));
}
