#include <catch2/catch.hpp>

#include "strategies/adaptive.hpp"
#include "strategies/play.hpp"
#include "strategies/tit_for_tat.hpp"

using namespace kindest::testing;
using kindest::strategies::Adaptive;
using kindest::strategies::TitForTat;

TEST_CASE("adaptive: moves against fixed opponents", "[strategy][adaptive]") {
  // C earned 6 x 3 = 18, D earned 5 x 5 = 25: keep defecting.
  CHECK(play<Adaptive>(Cycle("C"), 14) == Moves("CC CC CC CC CC CC DC DC DC DC DC DC DC DC"));
  // C earned 0, D earned 5.
  CHECK(play<Adaptive>(Cycle("D"), 13) == Moves("CD CD CD CD CD CD DD DD DD DD DD DD DD"));
  // Against tit for tat, D earned 5 + 4 x 1 = 9 < 18: back to cooperation.
  CHECK(play<Adaptive>(TitForTat{}, 14) == Moves("CC CC CC CC CC CC DC DD DD DD DD CD CC CC"));
}

TEST_CASE("adaptive: totals use the match's payoffs", "[strategy][adaptive]") {
  // C earned 6 R = 18, D earned 5 T: with T = 3.5 that is 17.5, so back to cooperation.
  CHECK(play_within(Adaptive{}, Cycle("C"), 13, {.length = 13, .payoffs = {3, 0, 3.5, 1}}) ==
        Moves("CC CC CC CC CC CC DC DC DC DC DC CC CC"));
}
