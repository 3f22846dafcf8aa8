// Checks experiments/santos_2018_norms.ini against Santos, Santos & Pacheco (2018): in the
// small-mutation limit among ALLC, ALLD and DISC with public reputations, Stern-Judging-like
// norms reach the most cooperation, above 0.9. The sweep over the 16 second-order norms is a
// loop here (until the sweep issue lands).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "experiments/experiment_helpers.hpp"

using namespace kindest;
using Catch::Matchers::WithinAbs;

namespace {

const char* kFile = "santos_2018_norms.ini";

// Fewer rounds per composition than the file's 200 + 2000.
const std::vector<std::string> kShort = {"reputation.burn_in=100", "reputation.window=500"};

struct NormOutcome {
  double cooperation;       // sum_s stationary_s x self_cooperation_s
  double disc_cooperation;  // a monomorphic DISC population's
};

NormOutcome analyse(unsigned code, const testing::TempDir& dir,
                    std::vector<std::string> extra = {}) {
  auto overrides = kShort;
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  overrides.push_back("reputation.norm=second:" + std::to_string(code));
  const auto out = experiments::run_analysis(experiments::load_experiment(kFile, overrides), dir);
  REQUIRE(out.reputation);
  REQUIRE(out.game.strategies == std::vector<std::string>{"ALLC", "ALLD", "DISC"});
  double c = 0;
  for (std::size_t s = 0; s < out.limit.stationary.size(); ++s)
    c += out.limit.stationary[s] * out.reputation->self_cooperation[s];
  return {c, out.reputation->self_cooperation[2]};
}

// A DISC population under Stern Judging with an institution: a donor meeting a good recipient
// (probability g) stays good iff its intended C is executed and recorded right, or fails and is
// recorded wrong: A = (1 - e)(1 - a) + e a; meeting a bad one it defects, which is good unless
// misrecorded: 1 - a. So g = g A + (1 - g)(1 - a), g = (1 - a) / (1 + e (1 - 2a)), and the
// population cooperates at (1 - e) g.
double stern_judging_disc(double e, double a) { return (1 - e) * (1 - a) / (1 + e * (1 - 2 * a)); }

}  // namespace

TEST_CASE("experiment santos_2018_norms: Stern-Judging-like norms on top, above 0.9",
          "[experiment][verify]") {
  testing::TempDir dir;
  // Second-order codes: bit 2r + a is the verdict on action a (C = 1) toward a recipient of
  // reputation r (G = 1). Stern Judging 9 (G for C to good and D to bad), Simple Standing 11,
  // Image Scoring 10, Shunning 8.
  std::vector<double> c(16);
  for (unsigned code = 0; code < 16; ++code) {
    const auto o = analyse(code, dir);
    c[code] = o.cooperation;
    UNSCOPED_INFO("second:" << code << " cooperation " << c[code]);
    // 500 rounds x 50 actions: the rate's standard error is about 0.001.
    if (code == 9) CHECK_THAT(o.disc_cooperation, WithinAbs(stern_judging_disc(0.01, 0.01), 0.01));
  }
  const std::size_t best = experiments::argmax(c);
  CHECK((best == 9 || best == 11));  // Stern Judging or Simple Standing
  CHECK(c[9] > 0.9);                 // "greater than 90 per cent"
  // Every norm that does not both reward C to the good and excuse D to the bad (bits 3 and 0)
  // stays well below Stern Judging.
  for (unsigned code = 0; code < 16; ++code)
    if (!((code & 8u) && (code & 1u))) CHECK(c[code] < c[9] - 0.2);

  // With the larger execution error of 0.08 the closed form caps a DISC population under Stern
  // Judging at 0.845 -- below the 0.9, whatever the dynamics.
  const auto rough = analyse(9, dir, {"reputation.execution_error=0.08"});
  CHECK_THAT(rough.disc_cooperation, WithinAbs(stern_judging_disc(0.08, 0.01), 0.01));
  CHECK(rough.cooperation < 0.9);
}
