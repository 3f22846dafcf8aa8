#include <catch2/catch.hpp>

#include "strategies/defector.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Defector;

TEST_CASE("defector: moves against fixed opponents", "[strategy][defector]") {
  CHECK(play<Defector>(Cycle("CD"), 4) == Moves("DC DD DC DD"));
  CHECK(play<Defector>(Cycle("C"), 3) == Moves("DC DC DC"));
}
