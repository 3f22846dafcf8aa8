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

// The norm by its code text: "second:<0..15>" or "third:<0..255>".
NormOutcome analyse_norm(const std::string& norm, const testing::TempDir& dir,
                         std::vector<std::string> overrides) {
  overrides.push_back("reputation.norm=" + norm);
  const auto out = experiments::run_analysis(experiments::load_experiment(kFile, overrides), dir);
  REQUIRE(out.reputation);
  REQUIRE(out.game.strategies == std::vector<std::string>{"ALLC", "ALLD", "DISC"});
  double c = 0;
  for (std::size_t s = 0; s < out.limit.stationary.size(); ++s)
    c += out.limit.stationary[s] * out.reputation->self_cooperation[s];
  return {c, out.reputation->self_cooperation[2]};
}

NormOutcome analyse(unsigned code, const testing::TempDir& dir,
                    std::vector<std::string> extra = {}) {
  auto overrides = kShort;
  overrides.insert(overrides.end(), extra.begin(), extra.end());
  return analyse_norm("second:" + std::to_string(code), dir, overrides);
}

// Third-order codes: bit 4d + 2r + a, d the donor's reputation, so a code's high nibble is how
// it judges good donors and its low nibble bad ones; a second-order code c embeds as c | c << 4.
// The leading eight (references.md; `kindest norms`): L1 186, L2 154, L3 187, L4 185, L5 155,
// L6 153 (Stern Judging), L7 184, L8 152. DISC (help iff the recipient is good) is the action
// rule of L3-L8 (they defect against a bad recipient whatever their own reputation), not of
// L1 and L2 (which help a bad recipient when the donor is bad too).
constexpr unsigned kSternJudging3 = 153;  // 9 | 9 << 4
// Stern-Judging-like: good donors are judged as Stern Judging judges everyone (C to a good
// recipient G, D to a good recipient B, C to a bad one B, D to a bad one G); how bad donors
// are judged (the past reputation, the low nibble) is free.
constexpr bool stern_judging_like(unsigned code) { return code >> 4 == 9; }

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

TEST_CASE("experiment santos_2018_norms: third-order norms, Stern-Judging-like ones on top",
          "[experiment][verify]") {
  testing::TempDir dir;
  // Stern Judging's third-order embedding is the same norm: the same bits as second:9.
  const auto embedded = analyse_norm("third:" + std::to_string(kSternJudging3), dir, kShort);
  CHECK(embedded.cooperation == analyse(9, dir).cooperation);
  CHECK_THAT(embedded.disc_cooperation, WithinAbs(stern_judging_disc(0.01, 0.01), 0.01));

  // Leading eight DISC can use (L3-L8; L6 is Stern Judging, above), then bad norms: nobody
  // good (0), everybody good (255), Image Scoring (170), anti-Stern Judging (102), Shunning
  // (136). Measured (100 + 500 rounds, seed 2016): L8 0.970, L6 0.933, L7 0.894, L5 0.874,
  // L4 0.237, L3 0.231; Shunning 0.320, the other bad ones below 0.05.
  const std::vector<unsigned> codes = {
      kSternJudging3, 187, 185, 155, 184, 152, 0, 255, 170, 102, 136};
  std::vector<double> c;
  for (const unsigned code : codes) {
    c.push_back(code == kSternJudging3
                    ? embedded.cooperation
                    : analyse_norm("third:" + std::to_string(code), dir, kShort).cooperation);
    UNSCOPED_INFO("third:" << code << " cooperation " << c.back());
  }
  const double stern = c[0];
  const std::size_t best = experiments::argmax(c);
  CHECK(stern_judging_like(codes[best]));  // L8 here: harsher than Stern Judging on bad donors
  CHECK(c[best] > 0.9);
  CHECK(stern > 0.9);             // "greater than 90 per cent"
  CHECK(stern > c[best] - 0.06);  // Stern Judging, the simplest of them, close to the top
  CHECK(c[5] > 0.9);              // L8, Stern-Judging-like too
  // L3 and L4 judge good donors by Simple Standing (C always G): ALLC is never bad among
  // DISC, drifts in and lets ALLD in, as with second-order Simple Standing.
  for (std::size_t k : {1u, 2u}) CHECK(c[k] < stern - 0.2);
  for (std::size_t k = 6; k < codes.size(); ++k) CHECK(c[k] < stern - 0.2);
}

TEST_CASE("experiment santos_2018_norms: all 256 third-order norms (the file's rounds)",
          "[.][slow]") {
  // The file's 200 + 2000 rounds per composition; the top ten are in the experiment's header.
  testing::TempDir dir;
  std::vector<double> c(256);
  for (unsigned code = 0; code < 256; ++code) {
    c[code] = analyse_norm("third:" + std::to_string(code), dir, {}).cooperation;
    UNSCOPED_INFO("third:" << code << " cooperation " << c[code]);
  }
  const std::size_t best = experiments::argmax(c);
  CHECK(stern_judging_like(static_cast<unsigned>(best)));
  CHECK(c[best] > 0.9);
  CHECK(c[kSternJudging3] > 0.9);
  CHECK(c[kSternJudging3] > c[best] - 0.06);
  // Every norm above 0.9 judges good donors as Stern Judging does.
  for (unsigned code = 0; code < 256; ++code)
    if (c[code] > 0.9) CHECK(stern_judging_like(code));
}
