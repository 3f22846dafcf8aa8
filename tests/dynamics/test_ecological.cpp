#include <catch2/catch.hpp>
#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/dynamics/ecological.hpp"
#include "engine/dynamics/replicator.hpp"

using namespace kindest;
using Catch::Matchers::WithinAbs;
using dynamics::Ecological;
using games::PayoffMatrix;

namespace {
// TFT (0) and ALLD (1) over m rounds of the (3, 0, 5, 1) prisoner's dilemma, total scores.
PayoffMatrix tft_alld(int m) {
  return PayoffMatrix(2, {3.0 * m, m - 1.0, 5.0 + (m - 1), double(m)});
}
}  // namespace

TEST_CASE("ecological: frequencies stay on the simplex", "[dynamics][replicator][ecological]") {
  const PayoffMatrix a(4, {3, 0, 5, 1, 2, 2, 2, 2, 4, 1, 0.5, 3, 1, 6, 2, 0});
  const auto gens = dynamics::iterate(Ecological(a), {0.1, 0.2, 0.3, 0.4}, 1000);
  REQUIRE(gens.size() == 1001);
  for (const auto& x : gens) {
    double sum = 0;
    for (double v : x) {
      CHECK(v >= 0);
      sum += v;
    }
    CHECK_THAT(sum, WithinAbs(1.0, 1e-14));
  }
}

TEST_CASE("ecological: defectors take over the prisoner's dilemma monotonically",
          "[dynamics][replicator][ecological]") {
  // f_D - f_C = 2 x_C + x_D > 0 everywhere, so x_D rises every generation.
  const auto gens = dynamics::iterate(Ecological(PayoffMatrix(2, {3, 0, 5, 1})), {0.99, 0.01}, 100);
  for (std::size_t t = 1; t < gens.size(); ++t) {
    if (gens[t - 1][1] < 1)
      CHECK(gens[t][1] > gens[t - 1][1]);
    else
      CHECK(gens[t][1] == 1);
  }
  CHECK_THAT(gens.back()[1], WithinAbs(1.0, 1e-12));
}

TEST_CASE("ecological: TFT vs ALLD separatrix is the replicator's rest point",
          "[dynamics][replicator][ecological]") {
  // f_TFT = f_ALLD at x* = (d - b) / (a - b - c + d) = 1 / (2m - 3); both dynamics share it.
  for (int m : {5, 10, 20}) {
    const PayoffMatrix a = tft_alld(m);
    const double x_star = 1.0 / (2 * m - 3);
    const Ecological eco(a);
    CHECK_THAT(eco.next({x_star, 1 - x_star})[0], WithinAbs(x_star, 1e-15));
    std::vector<double> dx;
    dynamics::Replicator(a).derivative({x_star, 1 - x_star}, dx);
    CHECK_THAT(dx[0], WithinAbs(0.0, 1e-13));

    // Independently of the formula: bisect the start between ALLD's and TFT's basins.
    auto tft_wins = [&](double x0) {
      return dynamics::iterate(eco, {x0, 1 - x0}, 3000).back()[0] > 0.5;
    };
    double lo = 0, hi = 0.5;
    REQUIRE_FALSE(tft_wins(lo + 1e-3));
    REQUIRE(tft_wins(hi));
    for (int k = 0; k < 45; ++k) (tft_wins(0.5 * (lo + hi)) ? hi : lo) = 0.5 * (lo + hi);
    CHECK_THAT(0.5 * (lo + hi), WithinAbs(x_star, 1e-12));
  }
}

TEST_CASE("ecological: negative payoffs and zero mean scores are rejected",
          "[dynamics][replicator][ecological]") {
  CHECK_THROWS_WITH(Ecological(PayoffMatrix(2, {1, -1, 2, 0})),
                    Catch::Contains("payoff (0, 1) = -1 is outside [0, inf)"));
  const Ecological zero(PayoffMatrix(2, {0, 1, 1, 0}));
  CHECK_THROWS_AS(zero.next({1, 0}), kindest::ModelError);
  CHECK_THROWS_AS(dynamics::iterate(zero, {0.7, 0.7}, 1), kindest::ModelError);
}
