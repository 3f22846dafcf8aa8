#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/two_tits_for_tat.hpp"

using namespace kindest::testing;
using kindest::strategies::TwoTitsForTat;

TEST_CASE("two_tits_for_tat: moves against fixed opponents", "[strategy][two_tits_for_tat]") {
  CHECK(play<TwoTitsForTat>(Cycle("C"), 3) == Moves("CC CC CC"));
  CHECK(play<TwoTitsForTat>(Script("DCCCDC"), 6) == Moves("CD DC DC CC CD DC"));
}
