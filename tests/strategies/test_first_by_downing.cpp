#include <catch2/catch.hpp>

#include "strategies/first_by_downing.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByDowning;

TEST_CASE("first_by_downing: moves against fixed opponents", "[strategy][first_by_downing]") {
  // Move 3: alpha = 1, beta = 1/2, 3 = 3: a tie, so it alternates from D to C. Afterwards
  // beta -> 1 against an unconditional cooperator and defecting pays more.
  CHECK(play<FirstByDowning>(Cycle("C"), 7) == Moves("DC DC CC DC DC DC DC"));
  CHECK(play<FirstByDowning>(Cycle("D"), 4) == Moves("DD DD DD DD"));
  // Move 3: alpha = 1, beta = 0 -> C; then beta = 1/2, 1/3, 2/4, 2/5 with alpha = 1/2 -> D.
  CHECK(play<FirstByDowning>(Cycle("CD"), 7) == Moves("DC DD CC DD DC DD DC"));
}

TEST_CASE("first_by_downing: the estimate uses the match's payoffs",
          "[strategy][first_by_downing]") {
  // At move 3 against Cycle("C"): alpha = 1, beta = 1/2, so C is worth R = 3 and D is worth
  // (T + P) / 2: a tie with the default game (alternate: C), a loss for C when T = 7 (D).
  const kindest::strategies::FirstByDowning s;
  CHECK(play_within(s, Cycle("C"), 3, {.length = 3}) == Moves("DC DC CC"));
  CHECK(play_within(s, Cycle("C"), 3, {.length = 3, .payoffs = {3, 0, 7, 1}}) == Moves("DC DC DC"));
}
