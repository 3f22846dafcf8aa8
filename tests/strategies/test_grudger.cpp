#include <catch2/catch.hpp>

#include "strategies/grudger.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Grudger;

TEST_CASE("grudger: moves against fixed opponents", "[strategy][grudger]") {
  CHECK(play<Grudger>(Cycle("C"), 3) == Moves("CC CC CC"));
  CHECK(play<Grudger>(Cycle("D"), 3) == Moves("CD DD DD"));
  CHECK(play<Grudger>(Script("CCDCC"), 5) == Moves("CC CC CD DC DC"));
}
