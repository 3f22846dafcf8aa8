// Checks experiments/nowak_2006_five_rules_*.ini (docs/five_rules.png): for each mechanism
// measured, where N rho_C (one cooperator taking over; 1 = neutral) crosses 1 along b/c, against
// the crossing expected at that N and selection strength and against Nowak's (2006) rule. The
// exact panels (kin, direct, group) are bisected to 1e-6 in b/c; the simulated one (network) is
// bracketed by two points here and fitted from seven in the [.][slow] case. The indirect panel
// (simulated reputation payoffs, noise only from the knowledge draws) is bisected to 1e-3 and
// compared with the crossing of Nowak's expected-payoff matrix at the same N and selection.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "engine/analytic/fixation_probabilities.hpp"
#include "engine/core/number_text.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/jobs/multilevel_job.hpp"
#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

std::string benefit(double b) { return "game.benefit=" + number_text(b); }

// N rho of the second listed strategy (the cooperator) among the first, exact (job analysis).
double analysis_n_rho(const std::string& file, double b, const testing::TempDir& dir,
                      std::vector<std::string> overrides = {}) {
  overrides.insert(overrides.begin(), benefit(b));
  const auto c = experiments::load_experiment(file, overrides);
  REQUIRE(c.real("game.cost") == 1);
  const auto out = experiments::run_analysis(c, dir);
  return static_cast<double>(c.unsigned_integer("population.size")) * out.limit.fixation[0][1];
}

// n m rho_C in the rare-splitting limit, exact (job multilevel's rho(q->0)).
double group_n_rho(double b, const testing::TempDir& dir) {
  const auto c = experiments::load_experiment("nowak_2006_five_rules_group.ini", {benefit(b)});
  const auto out = jobs::run_multilevel_job(c, {.path = dir.file("group.h5"), .overwrite = true});
  return out.rare_split_limit * static_cast<double>(c.integer("groups.max_size")) *
         static_cast<double>(c.integer("groups.count"));
}

// N rho_C on the graph, simulated: N x the share of replicates ending all-cooperator, and its
// binomial standard error.
std::pair<double, double> network_n_rho(double b, std::size_t replicates,
                                        const testing::TempDir& dir) {
  const auto c = experiments::load_experiment(
      "nowak_2006_five_rules_network.ini",
      {benefit(b), "dynamics.replicates=" + std::to_string(replicates)});
  const auto out = jobs::run_evolution_job(c, experiments::resolver(),
                                           {.path = dir.file("network.h5"), .overwrite = true});
  std::size_t fixed = 0;
  for (const auto& counts : out.final_counts) {
    REQUIRE((counts[0] == 0 || counts[0] == 36));  // every replicate has ended
    fixed += counts[0] == 36;
  }
  const double rho = double(fixed) / double(replicates);
  return {36 * rho,
          36 * std::sqrt(std::max(rho * (1 - rho), 1.0 / double(replicates)) / double(replicates))};
}

// N rho_DISC among ALLD from Nowak's (2006) expected payoffs of DISC vs ALLD when a reputation
// is known with probability q, per co-player DISC/DISC b - c, DISC/ALLD -c (1 - q),
// ALLD/DISC b (1 - q), ALLD/ALLD 0, summed over the N - 1 co-players as the all_pairs game's
// payoff per round is (c = 1; strategies ALLD = 0, DISC = 1), under the experiment's process.
double indirect_closed_form_n_rho(double b, double q, std::size_t n,
                                  const analytic::FixationSettings& settings) {
  const double z = static_cast<double>(n);
  const auto disc = [&](double i) { return (i - 1) * (b - 1) - (z - i) * (1 - q); };
  const auto alld = [&](double i) { return i * b * (1 - q); };
  analytic::CompositionPayoffs p(2, n);
  for (std::size_t k = 1; k < n; ++k) {
    const double x = static_cast<double>(k);
    p.mutant[p.index(0, 1, k)] = disc(x);  // k DISC among ALLD
    p.resident[p.index(0, 1, k)] = alld(x);
    p.mutant[p.index(1, 0, k)] = alld(z - x);  // k ALLD among DISC
    p.resident[p.index(1, 0, k)] = disc(z - x);
  }
  return static_cast<double>(n) *
         analytic::compute_fixation_probabilities(p, settings).probability[0][1];
}

// The b/c in [low, high] where f crosses 1 (f increasing), to `tolerance`.
double bisect(const std::function<double(double)>& f, double low, double high,
              double tolerance = 1e-6) {
  REQUIRE(f(low) < 1);
  REQUIRE(f(high) > 1);
  while (high - low > tolerance) {
    const double mid = (low + high) / 2;
    (f(mid) < 1 ? low : high) = mid;
  }
  return (low + high) / 2;
}

}  // namespace

TEST_CASE("experiment nowak_2006_five_rules: kin, direct and group cross where expected",
          "[experiment][verify]") {
  testing::TempDir dir;
  // Kin, r = 0.25, N = 100: the payoff difference is constant and vanishes at (N - 1)/(r N - 1)
  // = 99/24, so there N rho_C is exactly neutral; the rule's 1/r = 4 is 0.125 below.
  const auto kin = [&](double b) {
    return analysis_n_rho("nowak_2006_five_rules_kin.ini", b, dir);
  };
  CHECK(kin(99.0 / 24) == Approx(1).epsilon(1e-9));
  CHECK(kin(4) < 1);  // at the rule itself: not yet favoured at N = 100
  CHECK(bisect(kin, 2, 8) == Approx(99.0 / 24).margin(1e-5));

  // Direct, TFT vs ALLD, w = 0.5, N = 100, beta = 0.01: N rho_TFT > 1 is the one-third law,
  // at (98 + 0.5 x 199)/(98 - 0.5 x 101) = 4.158 under weak selection; measured 4.24 (the O(beta)
  // shift). At the rule's b/c = 1/w = 2 (TFT an ESS) one TFT is still disfavoured.
  const auto direct = [&](double b) {
    return analysis_n_rho("nowak_2006_five_rules_direct.ini", b, dir);
  };
  const double third = (98 + 0.5 * 199) / (98 - 0.5 * 101);
  const double direct_crossing = bisect(direct, 1, 7);
  INFO("direct crossing " << direct_crossing << ", one-third law " << third);
  CHECK(std::abs(direct_crossing - third) < 0.15);
  CHECK(direct(2) < 1);

  // Group, n = 5, m = 10, w = 0.05, q -> 0 exact: crossing at 1 + n/(m - 2) = 1.625 to first
  // order in w; measured 1.68. The rule's large-m form 1 + n/m = 1.5 lies below.
  const auto group = [&](double b) { return group_n_rho(b, dir); };
  const double group_crossing = bisect(group, 1, 2.5);
  INFO("group crossing " << group_crossing);
  CHECK(group_crossing > 1.625);
  CHECK(group_crossing < 1.625 + 0.1);
  CHECK(group(1.5) < 1);
}

TEST_CASE(
    "experiment nowak_2006_five_rules: indirect reciprocity crosses where Nowak's matrix does",
    "[experiment][verify]") {
  // DISC vs ALLD, q = 0.5, N = 50, Moran w = 0.0002 per round's payoff: the closed-form
  // payoffs cross N rho = 1 at 4.386 (one-third law, weak selection: 97.5/22.5 = 4.333; the
  // O(w) shift as in the direct panel). The simulated payoffs (100 rounds per composition) carry
  // only the knowledge draws' noise: measured 4.386 for seed 2006, within 0.02 of the closed
  // form's (the spread over seeds is about 0.006 at 100 rounds, 0.0015 at 1000). At the
  // rule's b/c = 1/q = 2 one DISC is still disfavoured.
  testing::TempDir dir;
  const auto c = experiments::load_experiment("nowak_2006_five_rules_indirect.ini", {});
  const double q = c.real("reputation.knowledge_probability");
  const std::size_t n = c.unsigned_integer("population.size");
  REQUIRE(q == 0.5);
  REQUIRE(n == 50);
  const auto settings = jobs::fixation_settings_from_config(c);
  const auto expected = [&](double b) { return indirect_closed_form_n_rho(b, q, n, settings); };
  const double expected_crossing = bisect(expected, 1, 7);
  const double z = static_cast<double>(n);
  const double third = ((z - 2) + (1 - q) * (2 * z - 1)) / ((z - 2) - (1 - q) * (z + 1));
  INFO("closed-form crossing " << expected_crossing << ", one-third law " << third);
  CHECK(expected_crossing > third);
  CHECK(expected_crossing < third + 0.15);
  const auto indirect = [&](double b) {
    return analysis_n_rho("nowak_2006_five_rules_indirect.ini", b, dir);
  };
  const double measured = bisect(indirect, 1, 7, 1e-3);
  INFO("measured crossing " << measured);
  CHECK(std::abs(measured - expected_crossing) < 0.02);
  CHECK(indirect(2) < 1);
  CHECK(indirect(6) == Approx(expected(6)).epsilon(0.02));
}

TEST_CASE("experiment nowak_2006_five_rules: network reciprocity is bracketed",
          "[experiment][verify]") {
  // k = 4, N = 36, w = 0.1: the crossing lies above the finite-N 4.86 (measured near 5.6 in
  // docs/five_rules.png); two points bracket it. Measured N rho_C 0.12 +- 0.12 at 3.5 (300
  // replicates) and 2.8 +- 0.4 at 10 (600).
  testing::TempDir dir;
  const auto low = network_n_rho(3.5, 300, dir);
  const auto high = network_n_rho(10, 600, dir);
  INFO("N rho_C " << low.first << " +- " << low.second << " at 3.5, " << high.first << " +- "
                  << high.second << " at 10");
  CHECK(low.first + 3 * low.second < 1);
  CHECK(high.first - 3 * high.second > 1);
}

TEST_CASE("experiment nowak_2006_five_rules: the network crossing from eight points",
          "[experiment][verify][.][slow]") {
  // 2000 replicates at b/c = 4 .. 8: the straight line through the points next to N rho = 1
  // crosses between the finite-N weak-selection value 34/7 = 4.86 and 6.5 (ohtsuki_2006_graphs
  // measured 0.67 at 4.86 and 1.48 at 6.5 on this graph).
  testing::TempDir dir;
  std::vector<std::pair<double, double>> points;
  for (double b : {4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 8.0})
    points.push_back({b, network_n_rho(b, 2000, dir).first});
  double found = 0;
  for (std::size_t k = 1; k < points.size(); ++k)
    if (points[k - 1].second < 1 && points[k].second >= 1) {
      const auto [x0, y0] = points[k - 1];
      const auto [x1, y1] = points[k];
      found = x0 + (1 - y0) * (x1 - x0) / (y1 - y0);
      break;
    }
  INFO("network crossing " << found);
  for (const auto& [b, y] : points) UNSCOPED_INFO("N rho_C " << y << " at b/c = " << b);
  CHECK(found > 34.0 / 7);
  CHECK(found < 6.5);
}

TEST_CASE("experiment nowak_2006_five_rules: the indirect crossing with long windows",
          "[experiment][verify][.][slow]") {
  // 1000 measured rounds per composition, three seeds: the simulated crossing within 0.005 of
  // the closed-form matrix's (4.386), each seed's draws independent of the others.
  testing::TempDir dir;
  const auto c = experiments::load_experiment("nowak_2006_five_rules_indirect.ini", {});
  const auto settings = jobs::fixation_settings_from_config(c);
  const double expected =
      bisect([&](double b) { return indirect_closed_form_n_rho(b, 0.5, 50, settings); }, 1, 7);
  for (const char* seed : {"run.seed=1", "run.seed=2", "run.seed=3"}) {
    const double measured = bisect(
        [&](double b) {
          return analysis_n_rho("nowak_2006_five_rules_indirect.ini", b, dir,
                                {seed, "reputation.window=1000"});
        },
        1, 7, 1e-4);
    INFO(seed << ": measured crossing " << measured << ", closed form " << expected);
    CHECK(std::abs(measured - expected) < 0.005);
  }
}
