#include <catch2/catch.hpp>

#include "strategies/bully.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Bully;

TEST_CASE("bully: moves against fixed opponents", "[strategy][bully]") {
  CHECK(play<Bully>(Cycle("C"), 3) == Moves("DC DC DC"));
  CHECK(play<Bully>(Cycle("D"), 3) == Moves("DD CD CD"));
  CHECK(play<Bully>(Cycle("CD"), 5) == Moves("DC DD CC DD CC"));
}
