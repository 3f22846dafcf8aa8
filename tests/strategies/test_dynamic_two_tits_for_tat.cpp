#include <catch2/catch.hpp>

#include "strategies/dynamic_two_tits_for_tat.hpp"
#include "strategies/frequency.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::DynamicTwoTitsForTat;

TEST_CASE("dynamic_two_tits_for_tat: moves against fixed opponents",
          "[strategy][dynamic_two_tits_for_tat]") {
  CHECK(play<DynamicTwoTitsForTat>(Cycle("C"), 4) == Moves("CC CC CC CC"));
  // Against a defector the cooperation rate is 0.
  CHECK(play<DynamicTwoTitsForTat>(Cycle("D"), 4) == Moves("CD DD DD DD"));
}

TEST_CASE("dynamic_two_tits_for_tat: forgives at the opponent's cooperation rate",
          "[strategy][dynamic_two_tits_for_tat]") {
  const std::string m = play<DynamicTwoTitsForTat>(Cycle("CCCD"), 20000, 3);
  double cooperations = 0;
  const auto a = agreement(m, [&](std::size_t t) {
    // Called for t = 0, 1, 2, ... in order: add the opponent's move t - 1 to its count.
    if (t > 0) cooperations += m[3 * (t - 1) + 1] == 'C';
    const bool recent =
        (t >= 1 && m[3 * (t - 1) + 1] == 'D') || (t >= 2 && m[3 * (t - 2) + 1] == 'D');
    return recent ? cooperations / static_cast<double>(t) : 1.0;
  });
  CHECK(a.random_turns == 9998);  // turns 4k and 4k + 1, k >= 1
  CHECK(a.ok());
}
