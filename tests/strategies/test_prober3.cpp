#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/prober3.hpp"
#include "strategies/tit_for_tat.hpp"

using namespace kindest::testing;
using kindest::strategies::Prober3;
using kindest::strategies::TitForTat;

TEST_CASE("prober3: moves against fixed opponents", "[strategy][prober3]") {
  CHECK(play<Prober3>(Cycle("C"), 4) == Moves("DC CC DC DC"));
  CHECK(play<Prober3>(TitForTat{}, 5) == Moves("DC CD DC CD DC"));
  CHECK(play<Prober3>(Cycle("D"), 4) == Moves("DD CD DD DD"));
}
