#include <catch2/catch.hpp>

#include <cmath>

#include "strategies/first_by_joss.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByJoss;

TEST_CASE("first_by_joss: moves against fixed opponents", "[strategy][first_by_joss]") {
  CHECK(play<FirstByJoss>(Cycle("D"), 4) == Moves("CD DD DD DD"));
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const std::string t = play<FirstByJoss>(Cycle("CD"), 50, seed);
    CHECK(t.substr(0, 2) == "CC");
    for (std::size_t k = 2; k < 50; k += 2) CHECK(t[3 * k] == 'D');
  }
}

TEST_CASE("first_by_joss: cooperates 90% of the time after a cooperation",
          "[strategy][first_by_joss]") {
  const std::string t = play<FirstByJoss>(Cycle("C"), 10001, 11);
  int cooperations = 0;
  for (std::size_t k = 1; k <= 10000; ++k) cooperations += t[3 * k] == 'C';
  const double n = 10000;
  CHECK(std::abs(cooperations / n - 0.9) < 4 * std::sqrt(0.9 * 0.1 / n));
}
