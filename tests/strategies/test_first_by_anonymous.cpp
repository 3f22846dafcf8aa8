#include <catch2/catch.hpp>

#include <cmath>

#include "strategies/first_by_anonymous.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByAnonymous;

TEST_CASE("first_by_anonymous: cooperates half the time, whatever the opponent does",
          "[strategy][first_by_anonymous]") {
  const double n = 10000;
  for (const char* pattern : {"C", "D", "CD"}) {
    const std::string t = play<FirstByAnonymous>(Cycle(pattern), 10000, 17);
    int cooperations = 0;
    for (std::size_t k = 0; k < 10000; ++k) cooperations += t[3 * k] == 'C';
    CHECK(std::abs(cooperations / n - 0.5) < 4 * std::sqrt(0.25 / n));
  }
}
