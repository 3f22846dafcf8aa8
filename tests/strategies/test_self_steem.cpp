#include <catch2/catch.hpp>

#include <cmath>

#include "strategies/frequency.hpp"
#include "strategies/play.hpp"
#include "strategies/self_steem.hpp"

using namespace kindest::testing;
using kindest::strategies::SelfSteem;

TEST_CASE("self_steem: follows sin(2 pi n / 10)", "[strategy][self_steem]") {
  // The rule restated from the sine itself: D above 0.95, TFT for 0.3 < |f| < 0.95, coin for
  // |f| < 0.3, C below -0.95.
  const double pi = std::acos(-1.0);
  for (const char* pattern : {"CD", "CCD", "DDDC"}) {
    INFO(pattern);
    const std::string m = play<SelfSteem>(Cycle(pattern), 20000, 9);
    const auto a = agreement(m, [&](std::size_t t) {
      const double f = std::sin(2 * pi * static_cast<double>(t) / 10);
      if (f > 0.95) return 0.0;
      if (std::abs(f) > 0.3 && std::abs(f) < 0.95) return m[3 * (t - 1) + 1] == 'C' ? 1.0 : 0.0;
      if (std::abs(f) < 0.3) return 0.5;
      return 1.0;
    });
    CHECK(a.random_turns == 4000);
    CHECK(a.ok());
  }
}
