#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/prober.hpp"
#include "strategies/tit_for_tat.hpp"

using namespace kindest::testing;
using kindest::strategies::Prober;
using kindest::strategies::TitForTat;

TEST_CASE("prober: moves against fixed opponents", "[strategy][prober]") {
  // No retaliation on moves 2 and 3: exploit.
  CHECK(play<Prober>(Cycle("C"), 5) == Moves("DC CC CC DC DC"));
  CHECK(play<Prober>(TitForTat{}, 6) == Moves("DC CD CC CC CC CC"));
  CHECK(play<Prober>(Cycle("D"), 4) == Moves("DD CD CD DD"));
}
