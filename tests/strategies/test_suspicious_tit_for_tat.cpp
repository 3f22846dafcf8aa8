#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/suspicious_tit_for_tat.hpp"

using namespace kindest::testing;
using kindest::strategies::SuspiciousTitForTat;

TEST_CASE("suspicious_tit_for_tat: moves against fixed opponents",
          "[strategy][suspicious_tit_for_tat]") {
  CHECK(play<SuspiciousTitForTat>(Cycle("C"), 3) == Moves("DC CC CC"));
  CHECK(play<SuspiciousTitForTat>(Cycle("CD"), 5) == Moves("DC CD DC CD DC"));
  CHECK(play<SuspiciousTitForTat>(Script("DDC"), 3) == Moves("DD DD DC"));
}
