#include <catch2/catch.hpp>

#include "strategies/cooperator.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Cooperator;

TEST_CASE("cooperator: moves against fixed opponents", "[strategy][cooperator]") {
  CHECK(play<Cooperator>(Cycle("CD"), 4) == Moves("CC CD CC CD"));
  CHECK(play<Cooperator>(Cycle("D"), 3) == Moves("CD CD CD"));
}
