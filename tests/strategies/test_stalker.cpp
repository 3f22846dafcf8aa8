#include <catch2/catch.hpp>

#include "strategies/frequency.hpp"
#include "strategies/play.hpp"
#include "strategies/stalker.hpp"

using namespace kindest::testing;
using kindest::strategies::Stalker;

TEST_CASE("stalker: moves against fixed opponents", "[strategy][stalker]") {
  // Against a cooperator the average is R = 3 > 2: cooperate, and defect on the last move.
  CHECK(play<Stalker>(Cycle("C"), 5) == Moves("CC CC CC CC DC"));
  CHECK(play_within(Stalker{}, Cycle("C"), 5, {.length = std::nullopt}) == Moves("CC CC CC CC CC"));
  // Against C, D, D: averages 3, 3/2, 4/3, 9/4, 9/5, 10/6, 15/7, 15/8, 16/9 after moves 1-9,
  // so C, D, D, C, D, D, C, D, D (D when 1 < a < 2, C when a > 2).
  CHECK(play_within(Stalker{}, Cycle("CDD"), 10, {.length = 100}) ==
        Moves("CC CD DD DC CD DD DC CD DD DC"));
}

TEST_CASE("stalker: tosses a coin when its average is at most 1", "[strategy][stalker]") {
  // Against a defector the average after move 1 stays below 1: every later move is a coin.
  const std::string m = play_within(Stalker{}, Cycle("D"), 20000, {.length = std::nullopt}, 5);
  const auto a = agreement(m, [](std::size_t t) { return t == 0 ? 1.0 : 0.5; });
  CHECK(a.random_turns == 19999);
  CHECK(a.ok());
}
