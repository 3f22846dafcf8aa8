#include <catch2/catch.hpp>

#include "strategies/calculator.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Calculator;

TEST_CASE("calculator: moves against fixed opponents", "[strategy][calculator]") {
  // Joss never draws against a defector; a constant opponent is periodic.
  CHECK(play<Calculator>(Cycle("D"), 23) ==
        Moves("CD DD DD DD DD DD DD DD DD DD DD DD DD DD DD DD DD DD DD DD DD DD DD"));
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    // Period 1 and period 3 opponents are exploited from move 21 on.
    for (const char* pattern : {"C", "CCD"}) {
      const std::string t = play<Calculator>(Cycle(pattern), 40, seed);
      CHECK(t.substr(0, 2) == "CC");
      for (std::size_t k = 20; k < 40; ++k) CHECK(t[3 * k] == 'D');
    }
    // No period of at most 10 in the first 20 moves: tit for tat from move 21 on.
    const std::string opponent = std::string(19, 'C') + "D" + "CDDCCDCDDC";
    const std::string t = play<Calculator>(Script(opponent), 30, seed);
    for (std::size_t k = 20; k < 30; ++k) CHECK(t[3 * k] == opponent[k - 1]);
  }
}
