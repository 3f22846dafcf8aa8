#include <catch2/catch.hpp>

#include "strategies/frequency.hpp"
#include "strategies/play.hpp"
#include "strategies/random_tit_for_tat.hpp"

using namespace kindest::testing;
using kindest::strategies::RandomTitForTat;

TEST_CASE("random_tit_for_tat: alternates tit for tat and a fair coin",
          "[strategy][random_tit_for_tat]") {
  // Moves 2, 4, ... copy the opponent; moves 3, 5, ... are a coin with P(C) = 1/2.
  const std::string m = play<RandomTitForTat>(Cycle("CDD"), 40000, 8);
  CHECK(m.substr(0, 2) == "CC");
  const auto a = agreement(m, [&](std::size_t t) {
    if (t == 0) return 1.0;
    if (t % 2 == 1) return m[3 * (t - 1) + 1] == 'C' ? 1.0 : 0.0;
    return 0.5;
  });
  CHECK(a.random_turns == 19999);
  CHECK(a.ok());
  CHECK(play<RandomTitForTat>(Cycle("D"), 4, 1).substr(0, 5) == Moves("CD DD"));
}
