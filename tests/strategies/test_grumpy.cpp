#include <catch2/catch.hpp>

#include "strategies/grumpy.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Grumpy;

TEST_CASE("grumpy: moves against fixed opponents", "[strategy][grumpy]") {
  CHECK(play<Grumpy>(Cycle("C"), 3) == Moves("CC CC CC"));
  // Grumpy once D - C = 11 > 10.
  CHECK(play<Grumpy>(Cycle("D"), 13) == Moves(repeat("CD", 11) + "DD DD"));
  // Nice again once D - C = 11 - 22 < -10.
  CHECK(play<Grumpy>(Script(std::string(11, 'D') + std::string(24, 'C')), 35) ==
        Moves(repeat("CD", 11) + repeat("DC", 22) + "CC CC"));
}
