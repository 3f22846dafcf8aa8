#include <catch2/catch.hpp>

#include "strategies/average_copier.hpp"
#include "strategies/frequency.hpp"
#include "strategies/play.hpp"
#include "strategies/worse_and_worse.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

namespace {

// P(C on turn t) = the opponent's cooperation rate over turns 0 .. t-1.
double copied_rate(const std::string& m, std::size_t t) {
  double c = 0;
  for (std::size_t u = 0; u < t; ++u) c += m[3 * u + 1] == 'C';
  return c / static_cast<double>(t);
}

}  // namespace

TEST_CASE("average_copier: moves against fixed opponents", "[strategy][average_copier]") {
  CHECK(play<NiceAverageCopier>(Cycle("C"), 4) == Moves("CC CC CC CC"));
  CHECK(play<NiceAverageCopier>(Cycle("D"), 4) == Moves("CD DD DD DD"));
  CHECK(play<AverageCopier>(Cycle("D"), 4, 2).substr(3) == Moves("DD DD DD"));
}

TEST_CASE("average_copier: cooperates at the opponent's cooperation rate",
          "[strategy][average_copier]") {
  for (const char* pattern : {"CCD", "CDDDC"}) {
    INFO(pattern);
    const std::string m = play<NiceAverageCopier>(Cycle(pattern), 10000, 5);
    CHECK(agreement(m, [&](std::size_t t) { return t == 0 ? 1.0 : copied_rate(m, t); }).ok());
    const std::string a = play<AverageCopier>(Cycle(pattern), 10000, 6);
    CHECK(agreement(a, [&](std::size_t t) { return t == 0 ? 0.5 : copied_rate(a, t); }).ok());
  }
  long first_c = 0;
  for (std::uint64_t seed = 0; seed < 4000; ++seed)
    first_c += play<AverageCopier>(Cycle("C"), 1, seed)[0] == 'C';
  CHECK(within_4_se({static_cast<double>(first_c) / 4000, 4000}, 0.5));
}

TEST_CASE("average_copier: WorseAndWorse3 is the same rule", "[strategy][average_copier]") {
  const std::string opponent = play<AverageCopier>(Cycle("CDD"), 300, 3);
  std::string script;
  for (std::size_t t = 0; t < 300; ++t) script.push_back(opponent[3 * t]);
  for (std::uint64_t seed = 0; seed < 5; ++seed)
    CHECK(play<WorseAndWorse3>(Script(script), 300, seed) ==
          play<NiceAverageCopier>(Script(script), 300, seed));
}
