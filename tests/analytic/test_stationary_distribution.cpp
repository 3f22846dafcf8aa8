#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <vector>

#include "engine/analytic/stationary_distribution.hpp"
#include "engine/core/errors.hpp"
#include "engine/random/streams.hpp"

using namespace kindest;
using namespace kindest::analytic;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

games::PayoffMatrix random_game(std::size_t s, std::uint64_t seed) {
  Stream rng(seed, Purpose::simulation_check);
  games::PayoffMatrix m(s);
  for (std::size_t i = 0; i < s; ++i)
    for (std::size_t j = 0; j < s; ++j) m(i, j) = 5 * rng.uniform();
  return m;
}

FixationSettings fermi(double beta) {
  return {.process = Process::pairwise_comparison, .selection_intensity = beta};
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

}  // namespace

TEST_CASE("small-mutation limit: a stationary probability vector of the monomorphic chain",
          "[analytic][stationary]") {
  for (Process p :
       {Process::moran_birth_death, Process::moran_death_birth, Process::pairwise_comparison}) {
    INFO("process " << static_cast<int>(p));
    const auto r = compute_small_mutation_limit(random_game(6, 21), 50,
                                                {.process = p, .selection_intensity = 0.15});
    const std::size_t s = 6;
    CHECK_THAT(sum(r.stationary), WithinAbs(1.0, 1e-12));
    for (std::size_t i = 0; i < s; ++i) {
      CHECK(r.stationary[i] > 0);
      CHECK_THAT(sum(r.transition[i]), WithinAbs(1.0, 1e-12));
      CHECK_THAT(r.fixation[i][i], WithinRel(1.0 / 50, 1e-14));
      for (std::size_t j = 0; j < s; ++j)
        if (j != i) CHECK_THAT(r.transition[i][j], WithinRel(r.fixation[i][j] / 5, 1e-14));
    }
    for (std::size_t j = 0; j < s; ++j) {  // pi T = pi
      double flow = 0;
      for (std::size_t i = 0; i < s; ++i) flow += r.stationary[i] * r.transition[i][j];
      CHECK_THAT(flow, WithinAbs(r.stationary[j], 1e-12));
    }
  }
}

TEST_CASE("small-mutation limit: two strategies give pi_0 = rho_10 / (rho_01 + rho_10)",
          "[analytic][stationary]") {
  const games::PayoffMatrix game(2, {3, 0, 5, 1});  // C, D of the prisoner's dilemma
  for (double beta : {0.01, 0.1, 1.0}) {
    const auto r = compute_small_mutation_limit(game, 20, fermi(beta));
    const double rho_01 = r.fixation[0][1], rho_10 = r.fixation[1][0];
    CHECK_THAT(r.stationary[0], WithinRel(rho_10 / (rho_01 + rho_10), 1e-12));
    CHECK_THAT(r.stationary[1], WithinRel(rho_01 / (rho_01 + rho_10), 1e-12));
    CHECK(r.stationary[1] > r.stationary[0]);  // defection is favoured
  }
}

TEST_CASE("small-mutation limit: neutral games are uniform", "[analytic][stationary]") {
  const auto flat = games::PayoffMatrix(5, 1.0);
  for (const auto& r : {compute_small_mutation_limit(flat, 100, fermi(3.0)),
                        compute_small_mutation_limit(random_game(5, 8), 100, fermi(0.0))})
    for (double p : r.stationary) CHECK_THAT(p, WithinAbs(0.2, 1e-12));
}

TEST_CASE("small-mutation limit: exact when every fixation probability underflows",
          "[analytic][stationary]") {
  // Pure coordination at Z = 1000, beta = 10: each rho is about exp(-2500) and rounds to 0, so
  // the transition matrix is the identity in doubles. Symmetry alone says the answer is uniform.
  games::PayoffMatrix coordination(3, 0.0);
  for (std::size_t i = 0; i < 3; ++i) coordination(i, i) = 1;
  const auto r = compute_small_mutation_limit(coordination, 1000, fermi(10.0));
  CHECK(r.fixation[0][1] == 0);
  for (double p : r.stationary) CHECK_THAT(p, WithinAbs(1.0 / 3, 1e-12));

  // Slightly asymmetric: the two-state closed form evaluated on the logs.
  const games::PayoffMatrix tilted(2, {1, 0, 0, 1.002});
  const auto f = compute_fixation_probabilities(tilted, 1000, fermi(10.0));
  const auto t = compute_small_mutation_limit(f);
  CHECK(f.probability[0][1] == 0);
  CHECK(f.probability[1][0] == 0);
  const double expected_0 = 1 / (1 + std::exp(f.log_probability[0][1] - f.log_probability[1][0]));
  CHECK(expected_0 > 1e-6);
  CHECK(expected_0 < 0.5);
  CHECK_THAT(t.stationary[0], WithinRel(expected_0, 1e-11));
  CHECK_THAT(t.stationary[1], WithinRel(1 - expected_0, 1e-11));
}

TEST_CASE("small-mutation limit: N-player games go through the same chain",
          "[analytic][stationary]") {
  // Linear public goods with r < n: defection dominates, so the chain sits mostly at all-D.
  const auto pgg = games::NPlayerGame::public_goods(5, 3, 1);
  const auto r = compute_small_mutation_limit(pgg, 50, fermi(1.0));
  CHECK_THAT(sum(r.stationary), WithinAbs(1.0, 1e-12));
  CHECK(r.stationary[1] > 0.99);
}

TEST_CASE("stationary distribution: GTH on hand-solved chains", "[analytic][stationary]") {
  // Birth-death chain: detailed balance gives (1, 2, 1)/4.
  const auto pi =
      compute_stationary_distribution({{0.5, 0.5, 0}, {0.25, 0.5, 0.25}, {0, 0.5, 0.5}});
  CHECK_THAT(pi[0], WithinAbs(0.25, 1e-15));
  CHECK_THAT(pi[1], WithinAbs(0.5, 1e-15));
  CHECK_THAT(pi[2], WithinAbs(0.25, 1e-15));
  // A cycle 0 -> 1 -> 2 -> 0 with holding: pi_i proportional to 1 / (exit rate of i).
  const auto cyc = compute_stationary_distribution({{0.9, 0.1, 0}, {0, 0.8, 0.2}, {0.4, 0, 0.6}});
  const double z = 10 + 5 + 2.5;
  CHECK_THAT(cyc[0], WithinRel(10 / z, 1e-14));
  CHECK_THAT(cyc[1], WithinRel(5 / z, 1e-14));
  CHECK_THAT(cyc[2], WithinRel(2.5 / z, 1e-14));
  CHECK(compute_stationary_distribution({{1.0}}) == std::vector<double>{1.0});

  CHECK_THROWS_AS(compute_stationary_distribution({{1, 0}, {0, 1}}), kindest::ModelError);
  CHECK_THROWS_AS(compute_stationary_distribution({{0.5, 0.5}, {1.0}}), kindest::ModelError);
  CHECK_THROWS_AS(compute_stationary_distribution({{1.5, -0.5}, {0.5, 0.5}}), kindest::ModelError);
}

TEST_CASE("small-mutation limit: a mutation kernel weights the chain's moves",
          "[analytic][stationary]") {
  const auto fix = compute_fixation_probabilities(random_game(3, 7), 30, fermi(0.3));
  // The uniform kernel is the uniform chain.
  const Matrix uniform{{0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
  const auto u = compute_small_mutation_limit(fix, uniform);
  const auto plain = compute_small_mutation_limit(fix);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK_THAT(u.stationary[i], WithinRel(plain.stationary[i], 1e-13));
  // A path 0 - 1 - 2 (no move between 0 and 2): detailed balance by hand,
  // pi_1 / pi_0 = T01 / T10 and pi_2 / pi_1 = T12 / T21.
  const Matrix path{{0, 1, 0}, {0.5, 0, 0.5}, {0, 1, 0}};
  const auto r = compute_small_mutation_limit(fix, path);
  const auto& p = fix.probability;
  const double x1 = p[0][1] / (0.5 * p[1][0]), x2 = x1 * (0.5 * p[1][2]) / p[2][1];
  CHECK_THAT(r.stationary[0], WithinRel(1 / (1 + x1 + x2), 1e-12));
  CHECK_THAT(r.stationary[1], WithinRel(x1 / (1 + x1 + x2), 1e-12));
  CHECK_THAT(r.stationary[2], WithinRel(x2 / (1 + x1 + x2), 1e-12));
  CHECK(r.transition[0][2] == 0);
  CHECK_THAT(r.transition[1][0], WithinRel(0.5 * p[1][0], 1e-15));
  CHECK_THAT(sum(r.transition[1]), WithinAbs(1.0, 1e-15));

  CHECK_THROWS_AS(compute_small_mutation_limit(fix, {{0, 1}, {1, 0}}), kindest::ModelError);
  CHECK_THROWS_AS(compute_small_mutation_limit(fix, {{0, 0.5, 0.4}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}),
                  kindest::ModelError);
  CHECK_THROWS_AS(compute_small_mutation_limit(fix, {{0, 1.5, -0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}),
                  kindest::ModelError);
  // 1 and 2 only mutate into each other, never back to 0: not irreducible.
  CHECK_THROWS_AS(compute_small_mutation_limit(fix, {{0, 0.5, 0.5}, {0, 0, 1}, {0, 1, 0}}),
                  kindest::ModelError);
}
