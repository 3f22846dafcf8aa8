#include <catch2/catch.hpp>
#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/dynamics/replicator.hpp"

using namespace kindest;
using Catch::Matchers::WithinAbs;
using dynamics::Replicator;
using games::PayoffMatrix;

namespace {
double sum(const std::vector<double>& x) {
  double s = 0;
  for (double v : x) s += v;
  return s;
}
}  // namespace

TEST_CASE("replicator: Hamilton's rule with assortment has the logistic closed form",
          "[dynamics][replicator]") {
  // Donation game with assortment r: A'_ij = r A_ii + (1 - r) A_ij, so f_C - f_D = rb - c for
  // every x and x' = x (1 - x)(rb - c), solved by x0 e^{kt} / (1 - x0 + x0 e^{kt}), k = rb - c.
  for (const auto& [b, c, r] : {std::tuple{3.0, 1.0, 0.5}, std::tuple{2.0, 1.0, 0.25}}) {
    const PayoffMatrix a(2, {b - c, r * b - c, (1 - r) * b, 0});
    const double k = r * b - c, x0 = 0.2;
    const auto tr = dynamics::integrate(Replicator(a), {x0, 1 - x0}, 20, 0.5);
    REQUIRE(tr.time.size() == 41);
    for (std::size_t i = 0; i < tr.time.size(); ++i) {
      const double e = std::exp(k * tr.time[i]);
      CHECK_THAT(tr.state[i][0], WithinAbs(x0 * e / (1 - x0 + x0 * e), 1e-8));
      CHECK_THAT(sum(tr.state[i]), WithinAbs(1.0, 1e-15));
    }
  }
}

TEST_CASE("replicator: record times are multiples of the interval, then t_end",
          "[dynamics][replicator]") {
  const PayoffMatrix a(2, {1, 0, 0, 1});
  const auto tr = dynamics::integrate(Replicator(a), {0.3, 0.7}, 1.05, 0.25);
  CHECK(tr.time == std::vector<double>{0, 0.25, 0.5, 0.75, 1.0, 1.05});
  CHECK(tr.state.front() == std::vector<double>{0.3, 0.7});
  CHECK(dynamics::integrate(Replicator(a), {0.3, 0.7}, 0, 1).time == std::vector<double>{0});
}

TEST_CASE("replicator: Hawk-Dove converges to x* = V/C, the prisoner's dilemma to all-defect",
          "[dynamics][replicator]") {
  const double v = 2, c = 3;
  const PayoffMatrix hawk_dove(2, {(v - c) / 2, v, 0, v / 2});
  for (double x0 : {0.01, 0.5, 0.99}) {
    const auto rest = dynamics::find_rest_point(Replicator(hawk_dove), {x0, 1 - x0});
    REQUIRE(rest.converged);
    CHECK_THAT(rest.x[0], WithinAbs(v / c, 1e-10));
  }
  const PayoffMatrix pd(2, {3, 0, 5, 1});
  const auto rest = dynamics::find_rest_point(Replicator(pd), {0.999, 0.001});
  REQUIRE(rest.converged);
  CHECK_THAT(rest.x[1], WithinAbs(1.0, 1e-10));
}

TEST_CASE("replicator: zero-sum rock-paper-scissors conserves x1 x2 x3", "[dynamics][replicator]") {
  // With A antisymmetric and columns summing to 0, f_bar = 0 and (ln x1 x2 x3)' = sum_i f_i = 0.
  const PayoffMatrix rps(3, {0, -1, 1, 1, 0, -1, -1, 1, 0});
  const std::vector<double> x0{0.5, 0.3, 0.2};
  const auto tr = dynamics::integrate(Replicator(rps), x0, 50, 1);
  const double h0 = x0[0] * x0[1] * x0[2];
  for (const auto& x : tr.state) {
    CHECK_THAT(x[0] * x[1] * x[2], WithinAbs(h0, 1e-8));
    CHECK_THAT(sum(x), WithinAbs(1.0, 1e-15));
  }
  // Runge-Kutta conserves sum x_i; only rounding may move it before renormalisation.
  CHECK(tr.stats.max_sum_drift < 1e-13);
  CHECK(tr.stats.max_clipped == 0);
  CHECK(tr.stats.accepted_steps > 0);
  // The orbit is a closed cycle, not a rest point.
  CHECK_FALSE(dynamics::find_rest_point(Replicator(rps), x0, 1e-12, 100).converged);
}

TEST_CASE("replicator: tighter tolerances give smaller errors", "[dynamics][replicator]") {
  // Constant payoff difference k = 0.5: the logistic closed form again.
  const Replicator r(PayoffMatrix(2, {0.5, 0.5, 0, 0}));
  auto error_at = [&](double tol) {
    const auto tr = dynamics::integrate(r, {0.1, 0.9}, 10, 10, {.abs_tol = tol, .rel_tol = tol});
    const double e = std::exp(0.5 * 10);
    return std::abs(tr.state.back()[0] - 0.1 * e / (0.9 + 0.1 * e));
  };
  const double loose = error_at(1e-4), tight = error_at(1e-12);
  CHECK(loose < 1e-3);
  CHECK(tight < 1e-10);
  CHECK(tight < loose);
}

TEST_CASE("replicator-mutator: a neutral game with mutation settles at (1/2, 1/2)",
          "[dynamics][replicator]") {
  const PayoffMatrix neutral(2, 1.0);
  const Replicator r(neutral, Replicator::uniform_mutation(2, 0.01));
  const auto rest = dynamics::find_rest_point(r, {0.95, 0.05});
  REQUIRE(rest.converged);
  CHECK_THAT(rest.x[0], WithinAbs(0.5, 1e-10));
  CHECK_THAT(rest.x[1], WithinAbs(0.5, 1e-10));
}

TEST_CASE("replicator-mutator: mutation-selection balance matches the quadratic's root",
          "[dynamics][replicator]") {
  // Fitness 1 + s and 1, symmetric mutation mu: at rest
  //   x (1+s)(1-mu) + (1-x) mu - x (1 + s x) = 0  <=>  s x^2 - (s - 2 mu - s mu) x - mu = 0.
  for (const auto& [s, mu] : {std::pair{0.1, 0.01}, std::pair{0.5, 0.2}, std::pair{0.02, 0.05}}) {
    const PayoffMatrix a(2, {1 + s, 1 + s, 1, 1});
    const Replicator r(a, Replicator::uniform_mutation(2, mu));
    const double p = s - 2 * mu - s * mu;
    const double expected = (p + std::sqrt(p * p + 4 * s * mu)) / (2 * s);
    const auto rest = dynamics::find_rest_point(r, {0.5, 0.5});
    REQUIRE(rest.converged);
    CHECK_THAT(rest.x[0], WithinAbs(expected, 1e-10));
  }
}

TEST_CASE("replicator-mutator: uniform mutation matrix and derivative on the simplex",
          "[dynamics][replicator]") {
  const auto q = Replicator::uniform_mutation(4, 0.3);
  for (std::size_t j = 0; j < 4; ++j)
    for (std::size_t i = 0; i < 4; ++i)
      CHECK_THAT(q[j * 4 + i], WithinAbs(i == j ? 0.7 : 0.1, 1e-15));
  const PayoffMatrix a(4, {1, 2, 3, 4, 2, 1, 0, 3, 5, 1, 1, 1, 0, 2, 4, 1});
  const Replicator r(a, q);
  std::vector<double> dx;
  r.derivative({0.1, 0.2, 0.3, 0.4}, dx);
  CHECK_THAT(sum(dx), WithinAbs(0.0, 1e-14));
  // With no mutation the two equations agree.
  std::vector<double> plain, no_mutation;
  Replicator(a).derivative({0.1, 0.2, 0.3, 0.4}, plain);
  Replicator(a, Replicator::uniform_mutation(4, 0)).derivative({0.1, 0.2, 0.3, 0.4}, no_mutation);
  for (std::size_t i = 0; i < 4; ++i) CHECK_THAT(no_mutation[i], WithinAbs(plain[i], 1e-15));
}

TEST_CASE("replicator: jacobian agrees with central differences of the derivative",
          "[dynamics][replicator]") {
  const PayoffMatrix a(3, {1, 4, 0.5, 2, 0, 3, 1.5, 1, 2});
  const std::vector<double> x{0.2, 0.5, 0.3};
  for (const Replicator& r : {Replicator(a), Replicator(a, Replicator::uniform_mutation(3, 0.1))}) {
    std::vector<double> jac, up, down;
    r.jacobian(x, jac);
    const double h = 1e-5;
    for (std::size_t k = 0; k < 3; ++k) {
      auto xp = x, xm = x;
      xp[k] += h;
      xm[k] -= h;
      r.derivative(xp, up);
      r.derivative(xm, down);
      for (std::size_t i = 0; i < 3; ++i)
        CHECK_THAT(jac[i * 3 + k], WithinAbs((up[i] - down[i]) / (2 * h), 1e-8));
    }
  }
}

TEST_CASE("replicator: invalid input names the value", "[dynamics][replicator]") {
  const PayoffMatrix a(2, {1, 0, 0, 1});
  CHECK_THROWS_AS(dynamics::integrate(Replicator(a), {0.5, 0.6}, 1, 1), kindest::ModelError);
  CHECK_THROWS_AS(dynamics::integrate(Replicator(a), {0.5, 0.5, 0}, 1, 1), kindest::ModelError);
  CHECK_THROWS_AS(dynamics::integrate(Replicator(a), {0.5, 0.5}, 1, 0), kindest::ModelError);
  CHECK_THROWS_AS(dynamics::integrate(Replicator(a), {0.5, 0.5}, 1, 1, {.abs_tol = 0}),
                  kindest::ModelError);
  CHECK_THROWS_WITH(Replicator::uniform_mutation(2, 1.5),
                    Catch::Contains("mutation_rate = 1.5 is outside [0, 1]"));
  CHECK_THROWS_AS(Replicator(a, {0.5, 0.4, 0, 1}), kindest::ModelError);
}
