// Multilevel selection (engine/dynamics/multilevel_moran.hpp) against what is known without it:
// with one group and no splitting it is the Moran process (the exact closed form of
// engine/analytic); under neutral drift every one of the n m starting individuals is equally
// likely to found the final population, so rho = 1 / (n m) exactly for any q; counts, group
// sizes and the number of groups obey the model's bounds after every event; and the q -> 0
// limit of engine/analytic/multilevel_fixation.hpp agrees with its own weak-selection
// expansion (b/c* = 1 + n / (m - 2)) and with the simulation at small q.
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "engine/analytic/multilevel_fixation.hpp"
#include "engine/core/errors.hpp"
#include "engine/dynamics/multilevel_moran.hpp"

using namespace kindest;
using dynamics::MultilevelMoran;
using dynamics::MultilevelSettings;

namespace {

constexpr std::uint32_t kC = 0, kD = 1;

games::PayoffMatrix donation(double b, double c) {
  return games::PayoffMatrix(2, {b - c, -c, b, 0});
}

// Fraction of `runs` runs from one `mutant` in which it fixed, each run its own stream.
double simulate(const MultilevelSettings& s, const games::PayoffMatrix& game, std::uint32_t mutant,
                std::uint32_t resident, int runs, std::uint64_t seed) {
  int fixed = 0;
  for (int r = 0; r < runs; ++r) {
    MultilevelMoran model(s, game, mutant, resident);
    Stream rng(seed, Purpose::simulation_check, static_cast<std::uint64_t>(r));
    fixed += dynamics::run_to_absorption(model, mutant, rng).mutant_fixed;
  }
  return fixed / static_cast<double>(runs);
}

analytic::FixationSettings moran(double w) {
  return {.process = analytic::Process::moran_birth_death, .selection_intensity = w};
}

}  // namespace

TEST_CASE("multilevel: one group without splitting is the Moran process (closed form)",
          "[dynamics][multilevel]") {
  const auto game = donation(3, 1);
  const MultilevelSettings s{
      .groups = 1, .max_size = 8, .split_probability = 0, .selection_intensity = 0.3};
  const int runs = 20000;
  for (auto [mutant, resident] : {std::pair{kD, kC}, std::pair{kC, kD}}) {
    const double exact =
        analytic::compute_fixation_probability(game, resident, mutant, 8, moran(0.3));
    const double simulated = simulate(s, game, mutant, resident, runs, 11 + mutant);
    const double se = std::sqrt(exact * (1 - exact) / runs);
    INFO("mutant " << mutant << ": simulated " << simulated << ", exact " << exact);
    CHECK(std::abs(simulated - exact) < 4 * se);
    // Power: selection is visible, a defector does better than neutral, a cooperator worse.
    CHECK(std::abs(exact - 1.0 / 8) > 10 * se);
  }
  // And the q -> 0 limit with one group is that same closed form.
  CHECK(analytic::rare_split_fixation(game, kD, kC, 1, 8, moran(0.3)).fixation() ==
        analytic::compute_fixation_probability(game, kD, kC, 8, moran(0.3)));
}

TEST_CASE("multilevel: neutral drift fixes one of n m individuals with probability 1/(nm)",
          "[dynamics][multilevel]") {
  // Exact for any q by exchangeability: all start in full groups, and exactly one starting
  // individual's descendants remain at the end.
  const auto game = donation(3, 1);
  const MultilevelSettings s{
      .groups = 3, .max_size = 4, .split_probability = 0.2, .selection_intensity = 0};
  const int runs = 30000;
  const double expected = 1.0 / 12;
  const double simulated = simulate(s, game, kC, kD, runs, 5);
  const double se = std::sqrt(expected * (1 - expected) / runs);
  INFO("simulated " << simulated << ", 1/(nm) " << expected);
  CHECK(std::abs(simulated - expected) < 4 * se);
}

TEST_CASE("multilevel: sizes in [1, n], m groups, totals = sum of counts after every event",
          "[dynamics][multilevel]") {
  const auto game = donation(4, 1);
  const MultilevelSettings s{
      .groups = 5, .max_size = 6, .split_probability = 0.3, .selection_intensity = 0.2};
  std::uint64_t splits = 0;
  for (int run = 0; run < 50; ++run) {
    MultilevelMoran model(s, game, kC, kD);
    Stream rng(3, Purpose::simulation_check, static_cast<std::uint64_t>(run));
    for (int event = 0; event < 2000 && !model.absorbed(); ++event) {
      model.step(rng);
      REQUIRE(model.groups() == 5);
      std::uint64_t population = 0;
      std::vector<std::uint64_t> by_strategy(2, 0);
      for (std::size_t g = 0; g < model.groups(); ++g) {
        const std::uint32_t size = model.group_size(g);
        REQUIRE(size >= 1);
        REQUIRE(size <= 6);
        REQUIRE(model.count(g, 0) + model.count(g, 1) == size);
        population += size;
        for (std::size_t k = 0; k < 2; ++k) by_strategy[k] += model.count(g, k);
      }
      REQUIRE(population <= 30);
      REQUIRE(population >= 5);
      REQUIRE(by_strategy == model.totals());
    }
    splits += model.splits();
    CHECK(model.splits() <= model.births());
  }
  CHECK(splits > 100);  // the bounds were tested through many splits
}

TEST_CASE("multilevel: a run is its stream's alone", "[dynamics][multilevel]") {
  const auto game = donation(4, 1);
  const MultilevelSettings s{
      .groups = 4, .max_size = 5, .split_probability = 0.05, .selection_intensity = 0.1};
  for (std::uint64_t r = 0; r < 20; ++r) {
    MultilevelMoran a(s, game, kC, kD), b(s, game, kC, kD);
    Stream ra(9, Purpose::simulation_check, r), rb(9, Purpose::simulation_check, r);
    const auto x = dynamics::run_to_absorption(a, kC, ra);
    const auto y = dynamics::run_to_absorption(b, kC, rb);
    CHECK(x.mutant_fixed == y.mutant_fixed);
    CHECK(x.births == y.births);
    CHECK(x.splits == y.splits);
  }
}

TEST_CASE("multilevel: bad settings are refused, naming the parameter", "[dynamics][multilevel]") {
  const auto game = donation(3, 1);
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(
      MultilevelMoran({.groups = 1, .max_size = 5, .split_probability = 0.1}, game, kC, kD),
      Contains("split_probability") && Contains("one group"));
  CHECK_THROWS_WITH(MultilevelMoran({.groups = 3, .max_size = 1}, game, kC, kD),
                    Contains("max_size"));
  CHECK_THROWS_WITH(
      MultilevelMoran({.groups = 3, .max_size = 5, .selection_intensity = 0.9}, game, kC, kD),
      Contains("selection_intensity"));
  CHECK_THROWS_AS(MultilevelMoran({.groups = 3, .max_size = 5}, game, kC, kC), ModelError);
}

TEST_CASE("multilevel limit q -> 0: its weak-selection threshold is 1 + n/(m - 2)",
          "[analytic][multilevel]") {
  // rho n m - 1 is linear in b for w -> 0 (both factors are Moran fixation probabilities of
  // constant-ratio processes to first order), so at w = 1e-4 it changes sign at the threshold
  // to O(w).
  for (auto [n, m] : {std::pair<std::size_t, std::size_t>{5, 10}, {10, 5}, {4, 20}}) {
    const double threshold = analytic::multilevel_threshold(m, n);
    CHECK(threshold == Approx(1 + double(n) / double(m - 2)));
    const auto relative = [&](double b) {
      return analytic::rare_split_fixation(donation(b, 1), kD, kC, m, n, moran(1e-4)).fixation() *
             double(n * m);
    };
    INFO("n = " << n << ", m = " << m);
    CHECK(std::abs(relative(threshold) - 1) < 1e-6);
    CHECK(relative(threshold + 0.5) > 1 + 1e-5);
    CHECK(relative(threshold - 0.5) < 1 - 1e-5);
  }
  CHECK(std::isinf(analytic::multilevel_threshold(2, 5)));
}

TEST_CASE("multilevel: small q approaches the q -> 0 limit", "[dynamics][multilevel][verify]") {
  // Selection strong enough that rho n m is far from 1 (1.62), q small against 1/n^2.
  const auto game = donation(4, 1);
  const MultilevelSettings s{
      .groups = 10, .max_size = 3, .split_probability = 0.001, .selection_intensity = 0.3};
  const double limit = analytic::rare_split_fixation(game, kD, kC, 10, 3, moran(0.3)).fixation();
  const int runs = 20000;
  const double simulated = simulate(s, game, kC, kD, runs, 21);
  const double se = std::sqrt(limit * (1 - limit) / runs);
  INFO("simulated " << simulated << ", q -> 0 limit " << limit << ", 1/(nm) " << 1.0 / 30);
  CHECK(std::abs(simulated - limit) < 4 * se);
  CHECK(limit > 1.0 / 30 + 10 * se);  // group selection is visible here
}
