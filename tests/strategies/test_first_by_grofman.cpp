#include <catch2/catch.hpp>

#include <cmath>

#include "strategies/first_by_grofman.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByGrofman;

TEST_CASE("first_by_grofman: moves against fixed opponents", "[strategy][first_by_grofman]") {
  CHECK(play<FirstByGrofman>(Cycle("C"), 5) == Moves("CC CC CC CC CC"));
  // After a mutual defection it always cooperates, whatever the seed.
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const std::string t = play<FirstByGrofman>(Cycle("D"), 40, seed);
    CHECK(t.substr(0, 2) == "CD");
    for (std::size_t k = 1; k < 40; ++k)
      if (t[3 * (k - 1)] == 'D') CHECK(t[3 * k] == 'C');
  }
}

TEST_CASE("first_by_grofman: cooperates with probability 2/7 after disagreeing",
          "[strategy][first_by_grofman]") {
  // Against Cycle("D") every own C is followed by a disagreement draw.
  const int turns = 30000;
  const std::string t = play<FirstByGrofman>(Cycle("D"), turns, 7);
  int draws = 0, cooperations = 0;
  for (int k = 1; k < turns; ++k) {
    if (t[3 * static_cast<std::size_t>(k - 1)] != 'C') continue;
    ++draws;
    cooperations += t[3 * static_cast<std::size_t>(k)] == 'C';
  }
  const double p = 2.0 / 7.0;
  REQUIRE(draws > 10000);
  const double share = static_cast<double>(cooperations) / draws;
  CHECK(std::abs(share - p) < 4 * std::sqrt(p * (1 - p) / draws));
}
