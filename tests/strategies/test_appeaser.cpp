#include <catch2/catch.hpp>

#include "strategies/appeaser.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Appeaser;

TEST_CASE("appeaser: moves against fixed opponents", "[strategy][appeaser]") {
  CHECK(play<Appeaser>(Cycle("C"), 3) == Moves("CC CC CC"));
  CHECK(play<Appeaser>(Cycle("D"), 4) == Moves("CD DD CD DD"));
  CHECK(play<Appeaser>(Cycle("CD"), 7) == Moves("CC CD DC DD CC CD DC"));
}
