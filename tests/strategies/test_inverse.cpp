#include <catch2/catch.hpp>

#include "strategies/frequency.hpp"
#include "strategies/inverse.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Inverse;

TEST_CASE("inverse: moves against fixed opponents", "[strategy][inverse]") {
  CHECK(play<Inverse>(Cycle("C"), 4) == Moves("CC CC CC CC"));
  // Right after a defection (k = 1) it defects for sure.
  CHECK(play<Inverse>(Cycle("D"), 4) == Moves("CD DD DD DD"));
}

TEST_CASE("inverse: defects with probability 1/k, k turns after a defection",
          "[strategy][inverse]") {
  for (const char* pattern : {"DCCCC", "CCDCCCCCCC"}) {
    INFO(pattern);
    const std::string m = play<Inverse>(Cycle(pattern), 20000, 7);
    const auto a = agreement(m, [&](std::size_t t) {
      for (std::size_t k = 1; k <= t; ++k)
        if (m[3 * (t - k) + 1] == 'D') return 1.0 - 1.0 / static_cast<double>(k);
      return 1.0;
    });
    CHECK(a.random_turns > 10000);
    CHECK(a.ok());
  }
}
