// Payoffs per composition from simulated reputation games (engine/jobs/reputation_payoffs.hpp):
// hand-computed payoffs where the game is deterministic, their expectation where it is not, the
// neutral case, the streams each game draws from, and thread invariance.
#include <tbb/global_control.h>

#include <array>
#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "engine/analytic/stationary_distribution.hpp"
#include "engine/jobs/reputation_payoffs.hpp"

using namespace kindest;
using namespace kindest::jobs;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

std::vector<reputation::Strategy> parse_all(const std::vector<std::string>& specs) {
  std::vector<reputation::Strategy> out;
  for (const auto& s : specs) out.push_back(reputation::parse_strategy(s));
  return out;
}

// ALLC (0) and ALLD (1) under an institution without errors: reputations never matter.
CompositionGames allc_alld(reputation::Interaction interaction, std::size_t z) {
  CompositionGames g;
  g.game.benefit = 5;
  g.game.cost = 1;
  g.game.assessment = reputation::Assessment::public_institution;
  g.game.interaction = interaction;
  g.game.norm = reputation::parse_norm("SternJudging");
  g.strategies = parse_all({"ALLC", "ALLD"});
  g.population_size = z;
  g.burn_in = 3;
  g.window = 20;
  g.seed = 9;
  return g;
}

// Bit-for-bit equality (NaN entries included, which == would call unequal).
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

}  // namespace

TEST_CASE("reputation payoffs: ALLC vs ALLD in all_pairs rounds are the hand-computed ones",
          "[jobs][reputation_payoffs]") {
  // An all-pairs round: each individual gives to all Z - 1 others once and receives from each.
  // With k ALLD among Z - k ALLC, per round: ALLC earns b (Z - k - 1) - c (Z - 1), ALLD b (Z - k).
  const std::size_t z = 12;
  const auto g = allc_alld(reputation::Interaction::all_pairs, z);
  const auto r = simulate_composition_payoffs(g);
  const double b = 5, c = 1, n = static_cast<double>(z);
  for (std::size_t k = 1; k < z; ++k) {
    const double i = static_cast<double>(k);
    INFO(k << " ALLD among " << z - k << " ALLC");
    // Resident ALLC (0), mutant ALLD (1), k mutants.
    CHECK_THAT(r.payoffs.mutant[r.payoffs.index(0, 1, k)], WithinRel(b * (n - i), 1e-14));
    CHECK_THAT(r.payoffs.resident[r.payoffs.index(0, 1, k)],
               WithinRel(b * (n - i - 1) - c * (n - 1), 1e-14));
    // Resident ALLD, k ALLC mutants.
    CHECK_THAT(r.payoffs.mutant[r.payoffs.index(1, 0, k)],
               WithinRel(b * (i - 1) - c * (n - 1), 1e-14));
    CHECK_THAT(r.payoffs.resident[r.payoffs.index(1, 0, k)], WithinRel(b * i, 1e-14));
    CHECK_THAT(r.cooperation[r.payoffs.index(0, 1, k)], WithinRel((n - i) / n, 1e-14));
  }
  CHECK(r.self_cooperation == std::vector<double>{1.0, 0.0});
  CHECK_THAT(r.self_payoff[0], WithinRel((b - c) * (n - 1), 1e-14));
  CHECK(r.self_payoff[1] == 0.0);
  CHECK(std::isnan(r.payoffs.mutant[r.payoffs.index(0, 0, 1)]));  // no game on the diagonal

  // Payoffs linear in k: the fixation probabilities are those of the matrix game
  // (Z - 1) x [b - c, -c; b, 0] (a round is Z - 1 interactions), by the closed form.
  const double m = n - 1;
  const games::PayoffMatrix matrix(2, {(b - c) * m, -c * m, b * m, 0});
  for (auto p : {analytic::Process::pairwise_comparison, analytic::Process::moran_birth_death}) {
    const analytic::FixationSettings s{p,
                                       p == analytic::Process::pairwise_comparison ? 0.05 : 0.01};
    const auto simulated = analytic::compute_fixation_probabilities(r.payoffs, s);
    const auto closed = analytic::compute_fixation_probabilities(matrix, z, s);
    for (std::size_t x = 0; x < 2; ++x)
      for (std::size_t y = 0; y < 2; ++y)
        CHECK_THAT(simulated.log_probability[x][y], WithinAbs(closed.log_probability[x][y], 1e-12));
  }
}

TEST_CASE("reputation payoffs: ALLC vs ALLD in sweeps average to the matrix game",
          "[jobs][reputation_payoffs]") {
  // In a sweep each individual gives once and receives once, from a uniformly random other
  // individual, so E[pi_ALLD(k)] = b (Z - k) / (Z - 1) and E[pi_ALLC(k)] = b (Z - k - 1) / (Z -
  // 1) - c. The realised mean over k individuals x W rounds has a standard error of at most
  // b sqrt(p (1 - p) / (k W)) for p the probability that one's donor is ALLC.
  const std::size_t z = 20;
  auto g = allc_alld(reputation::Interaction::sweeps, z);
  g.window = 400;
  const auto r = simulate_composition_payoffs(g);
  const double b = 5, c = 1, n = static_cast<double>(z), w = static_cast<double>(g.window);
  for (std::size_t k = 1; k < z; ++k) {
    const double i = static_cast<double>(k);
    const double p_alld = (n - i) / (n - 1), p_allc = (n - i - 1) / (n - 1);
    const double se_alld = b * std::sqrt(p_alld * (1 - p_alld) / (i * w)) + 1e-12;
    const double se_allc = b * std::sqrt(p_allc * (1 - p_allc) / ((n - i) * w)) + 1e-12;
    INFO(k << " ALLD among " << z - k << " ALLC");
    CHECK_THAT(r.payoffs.mutant[r.payoffs.index(0, 1, k)], WithinAbs(b * p_alld, 5 * se_alld));
    CHECK_THAT(r.payoffs.resident[r.payoffs.index(0, 1, k)],
               WithinAbs(b * p_allc - c, 5 * se_allc));
    // The payoff actually paid out: every ALLC gives once per sweep.
    CHECK_THAT(r.cooperation[r.payoffs.index(0, 1, k)], WithinRel((n - i) / n, 1e-14));
  }
}

TEST_CASE("reputation payoffs: two copies of one strategy are neutral",
          "[jobs][reputation_payoffs]") {
  // DISC and Action(DISC) are the same strategy under another name. Without errors, under an
  // institution and starting good, everyone always cooperates: every payoff is b - c, so every
  // fixation probability is exactly 1/Z and the stationary distribution uniform.
  CompositionGames g;
  g.game.assessment = reputation::Assessment::public_institution;
  g.game.norm = reputation::parse_norm("SternJudging");
  g.strategies = parse_all({"DISC", "Action(DISC)"});
  g.population_size = 15;
  g.burn_in = 2;
  g.window = 10;
  const auto r = simulate_composition_payoffs(g);
  for (double x : r.payoffs.mutant)
    if (!std::isnan(x)) CHECK(x == 4.0);
  for (double x : r.payoffs.resident)
    if (!std::isnan(x)) CHECK(x == 4.0);
  const auto limit = analytic::compute_small_mutation_limit(r.payoffs, {.selection_intensity = 1});
  CHECK_THAT(limit.fixation[0][1], WithinRel(1.0 / 15, 1e-14));
  CHECK_THAT(limit.fixation[1][0], WithinRel(1.0 / 15, 1e-14));
  CHECK_THAT(limit.stationary[0], WithinAbs(0.5, 1e-15));

  // With private assessment and perception errors the payoffs are noisy but still neutral on
  // average: the two labels' payoff gap has mean ~0 over the compositions, and rho stays near
  // 1/Z (weak selection on noise, beta = 0.1).
  g.game.assessment = reputation::Assessment::private_views;
  g.game.observation_probability = 0.9;
  g.game.perception_error = 0.05;
  g.game.norm = reputation::parse_norm("SimpleStanding");
  g.population_size = 20;
  g.burn_in = 50;
  g.window = 500;
  const auto noisy = simulate_composition_payoffs(g);
  double gap = 0;
  for (std::size_t k = 1; k < 20; ++k)
    gap += noisy.payoffs.mutant[noisy.payoffs.index(0, 1, k)] -
           noisy.payoffs.resident[noisy.payoffs.index(0, 1, k)];
  CHECK(std::abs(gap / 19) < 0.05);
  const auto weak =
      analytic::compute_small_mutation_limit(noisy.payoffs, {.selection_intensity = 0.1});
  CHECK_THAT(weak.fixation[0][1], WithinRel(1.0 / 20, 0.1));
  CHECK_THAT(weak.fixation[1][0], WithinRel(1.0 / 20, 0.1));
  CHECK_THAT(weak.stationary[0], WithinAbs(0.5, 0.05));
  CHECK_THAT(noisy.self_cooperation[0], WithinAbs(noisy.self_cooperation[1], 0.02));
}

TEST_CASE("reputation payoffs: each game draws from its composition's streams",
          "[jobs][reputation_payoffs]") {
  // The (i, j, k) game is the one built by hand with composition_run(seed, i * S + j, k):
  // individuals 0 .. Z-k-1 of i, the rest of j (docs/STREAMS.md).
  CompositionGames g;
  g.game.assessment = reputation::Assessment::private_views;
  g.game.observation_probability = 0.9;
  g.game.perception_error = 0.05;
  g.strategies = parse_all({"L1", "ALLC", "ALLD"});
  g.game.norm = reputation::parse_norm("L1");
  g.population_size = 9;
  g.burn_in = 5;
  g.window = 30;
  g.seed = 77;
  const auto r = simulate_composition_payoffs(g);
  CHECK(composition_game_count(3, 9) == 3 + 3 * 8);
  for (const auto& [i, j, k] : std::vector<std::array<std::size_t, 3>>{{0, 2, 3}, {1, 2, 8}}) {
    std::vector<std::uint32_t> of(9, static_cast<std::uint32_t>(i));
    for (std::size_t x = 9 - k; x < 9; ++x) of[x] = static_cast<std::uint32_t>(j);
    reputation::ReputationGame game(g.game, g.strategies, of, composition_run(77, i * 3 + j, k));
    const auto m = game.run(5, 30);
    CHECK(r.payoffs.mutant[r.payoffs.index(i, j, k)] == m.mean_payoff(j));
    CHECK(r.payoffs.resident[r.payoffs.index(i, j, k)] == m.mean_payoff(i));
    // Read the other way round: 9 - k mutants i among residents j.
    CHECK(r.payoffs.mutant[r.payoffs.index(j, i, 9 - k)] == m.mean_payoff(i));
    CHECK(r.payoffs.resident[r.payoffs.index(j, i, 9 - k)] == m.mean_payoff(j));
  }
  reputation::ReputationGame alone(g.game, g.strategies, std::vector<std::uint32_t>(9, 0),
                                   composition_run(77, 0, 0));
  const auto mono = alone.run(5, 30);
  CHECK(r.self_cooperation[0] == mono.cooperation_rate());
  CHECK(r.self_payoff[0] == mono.mean_payoff(0));
  CHECK(r.self_good_fraction[0] == mono.good_fraction(0, 0));
  // Another seed, other games.
  g.seed = 78;
  CHECK(!same_bits(simulate_composition_payoffs(g).payoffs.mutant, r.payoffs.mutant));
}

TEST_CASE("reputation payoffs: results do not depend on the number of threads",
          "[jobs][reputation_payoffs]") {
  CompositionGames g;
  g.game.assessment = reputation::Assessment::private_views;
  g.game.observation_probability = 0.9;
  g.game.perception_error = 0.05;
  g.game.execution_error = 0.02;
  g.strategies = parse_all({"L6", "ALLC", "ALLD", "L3"});
  g.game.norm = reputation::parse_norm("ImageScoring");
  g.population_size = 70;  // two view words
  g.burn_in = 3;
  g.window = 8;
  g.seed = 5;
  ReputationPayoffs one;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = simulate_composition_payoffs(g);
  }
  for (std::size_t threads : {2, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    const auto many = simulate_composition_payoffs(g);
    CHECK(same_bits(many.payoffs.mutant, one.payoffs.mutant));
    CHECK(same_bits(many.payoffs.resident, one.payoffs.resident));
    CHECK(same_bits(many.cooperation, one.cooperation));
    CHECK(same_bits(many.self_payoff, one.self_payoff));
    CHECK(same_bits(many.self_good_fraction, one.self_good_fraction));
  }
}

TEST_CASE("reputation payoffs: bad input is refused with what is wrong",
          "[jobs][reputation_payoffs]") {
  auto g = allc_alld(reputation::Interaction::sweeps, 1);
  CHECK_THROWS_WITH(simulate_composition_payoffs(g), Contains("at least 2 individuals, got 1"));
  g.population_size = 10;
  g.window = 0;
  CHECK_THROWS_WITH(simulate_composition_payoffs(g), Contains("at least 1 round"));
  g.window = 5;
  g.strategies = parse_all({"ALLC"});
  CHECK_THROWS_WITH(simulate_composition_payoffs(g), Contains("at least 2 strategies"));
  g.strategies = parse_all({"ALLC", "DISC"});
  g.game.norm.reset();
  g.game.assessment = reputation::Assessment::private_views;
  CHECK_THROWS_WITH(simulate_composition_payoffs(g), Contains("no norm is set"));
}

TEST_CASE("reputation payoffs: progress counts every game once, and the work is what it says",
          "[jobs][reputation_payoffs]") {
  auto g = allc_alld(reputation::Interaction::sweeps, 7);
  std::atomic<std::uint64_t> calls{0}, last_total{0}, largest{0};
  g.progress = [&](std::uint64_t done, std::uint64_t total) {
    ++calls;
    last_total = total;
    std::uint64_t seen = largest;
    while (done > seen && !largest.compare_exchange_weak(seen, done)) {
    }
  };
  simulate_composition_payoffs(g);
  const std::size_t games = composition_game_count(2, 7);  // 2 + 6
  CHECK(games == 8);
  CHECK(calls == games);
  CHECK(last_total == games);
  CHECK(largest == games);
  // 8 games x (burn_in + window) rounds x 7 actions, one word each (public).
  CHECK(composition_work(g) == 8.0 * static_cast<double>(g.burn_in + g.window) * 7);
  g.game.assessment = reputation::Assessment::private_views;
  g.population_size = 130;  // 3 observer words per action
  g.game.interaction = reputation::Interaction::all_pairs;
  CHECK(composition_work(g) == static_cast<double>(composition_game_count(2, 130)) *
                                   static_cast<double>(g.burn_in + g.window) * 130 * 129 * 3);
}
