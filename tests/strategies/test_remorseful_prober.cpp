#include <catch2/catch.hpp>

#include "strategies/frequency.hpp"
#include "strategies/play.hpp"
#include "strategies/remorseful_prober.hpp"

using namespace kindest::testing;
using kindest::strategies::RemorsefulProber;

TEST_CASE("remorseful_prober: moves against fixed opponents", "[strategy][remorseful_prober]") {
  // Against a defector it never probes, so it is tit for tat.
  CHECK(play<RemorsefulProber>(Cycle("D"), 5) == Moves("CD DD DD DD DD"));
  // Against C, D, C, D, ... each odd move follows the opponent's C (a probe with probability
  // 1/10) and each even move answers its D: with C after a probe, else with D.
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const std::string m = play<RemorsefulProber>(Cycle("CD"), 200, seed);
    CHECK(m.substr(0, 2) == "CC");
    for (std::size_t t = 2; t < 200; t += 2) {
      INFO("seed " << seed << ", turn " << t);
      CHECK(m[3 * t] == (m[3 * (t - 1)] == 'D' ? 'C' : 'D'));
    }
  }
}

TEST_CASE("remorseful_prober: probes with probability 1/10", "[strategy][remorseful_prober]") {
  const std::string m = play<RemorsefulProber>(Cycle("C"), 20001, 4);
  CHECK(within_4_se(cooperation_after(m, "CC"), 0.9));
  CHECK(within_4_se(cooperation_after(m, "DC"), 0.9));
}
