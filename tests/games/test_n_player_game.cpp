#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "engine/core/errors.hpp"
#include "engine/games/n_player_game.hpp"
#include "engine/games/payoff_matrix.hpp"

using namespace kindest::games;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using Counts = std::vector<std::size_t>;

namespace {

// C(n, k) as a product of ratios, straight from the definition.
double binomial(std::size_t n, std::size_t k) {
  if (k > n) return 0;
  double v = 1;
  for (std::size_t i = 1; i <= k; ++i) v *= static_cast<double>(n - k + i) / static_cast<double>(i);
  return v;
}

}  // namespace

TEST_CASE("n-player game: public goods payoffs for n = 3 by hand", "[games][analytic]") {
  // r = 2, c = 1: pot 2k/3 shared, cooperators pay 1. Strategy 0 = C, 1 = D.
  const auto g = NPlayerGame::public_goods(3, 2, 1);
  CHECK(g.group_size() == 3);
  CHECK(g.strategies() == 2);
  CHECK_THAT(g.payoff(0, Counts{2, 0}), WithinAbs(1.0, 1e-15));       // k = 3: 2 - 1
  CHECK_THAT(g.payoff(0, Counts{1, 1}), WithinAbs(1.0 / 3, 1e-15));   // k = 2: 4/3 - 1
  CHECK_THAT(g.payoff(0, Counts{0, 2}), WithinAbs(-1.0 / 3, 1e-15));  // k = 1: 2/3 - 1
  CHECK_THAT(g.payoff(1, Counts{2, 0}), WithinAbs(4.0 / 3, 1e-15));   // k = 2
  CHECK_THAT(g.payoff(1, Counts{1, 1}), WithinAbs(2.0 / 3, 1e-15));   // k = 1
  CHECK_THAT(g.payoff(1, Counts{0, 2}), WithinAbs(0.0, 1e-15));       // k = 0
}

TEST_CASE("n-player game: threshold public goods pays only from M cooperators on",
          "[games][analytic]") {
  const auto g = NPlayerGame::threshold_public_goods(3, 2, 1, 2);
  CHECK_THAT(g.payoff(0, Counts{2, 0}), WithinAbs(1.0, 1e-15));      // k = 3 >= 2
  CHECK_THAT(g.payoff(0, Counts{1, 1}), WithinAbs(1.0 / 3, 1e-15));  // k = 2 >= 2
  CHECK_THAT(g.payoff(0, Counts{0, 2}), WithinAbs(-1.0, 1e-15));     // k = 1: cost, no pot
  CHECK_THAT(g.payoff(1, Counts{2, 0}), WithinAbs(4.0 / 3, 1e-15));  // k = 2
  CHECK_THAT(g.payoff(1, Counts{1, 1}), WithinAbs(0.0, 1e-15));      // k = 1 < 2
  // M = 0 is the linear game; M = n needs everybody.
  const auto linear = NPlayerGame::public_goods(4, 3, 1.5);
  const auto m0 = NPlayerGame::threshold_public_goods(4, 3, 1.5, 0);
  const auto all = NPlayerGame::threshold_public_goods(4, 3, 1.5, 4);
  for (std::size_t k = 0; k <= 3; ++k)
    for (std::size_t s = 0; s < 2; ++s) {
      CHECK(m0.payoff(s, Counts{k, 3 - k}) == linear.payoff(s, Counts{k, 3 - k}));
      const bool full = s == 0 && k == 3;
      CHECK(all.payoff(s, Counts{k, 3 - k}) ==
            (full ? linear.payoff(s, Counts{k, 3 - k}) : (s == 0 ? -1.5 : 0.0)));
    }
  CHECK_THROWS_AS(NPlayerGame::threshold_public_goods(3, 2, 1, 4), kindest::ModelError);
}

TEST_CASE("n-player game: malformed games and compositions are rejected", "[games][analytic]") {
  const auto g = NPlayerGame::public_goods(3, 2, 1);
  CHECK_THROWS_AS(g.payoff(0, Counts{1, 0}), kindest::ModelError);     // sums to 1, not 2
  CHECK_THROWS_AS(g.payoff(0, Counts{1, 1, 0}), kindest::ModelError);  // 3 types
  CHECK_THROWS_AS(g.payoff(2, Counts{1, 1}), kindest::ModelError);
  CHECK_THROWS_AS(g.expected_payoffs(Counts{1, 1}), kindest::ModelError);  // Z = 2 < n = 3
  CHECK_THROWS_AS(g.expected_payoffs(Counts{5}), kindest::ModelError);
  CHECK_THROWS_AS(g.expected_payoffs_infinite({0.5, 0.6}), kindest::ModelError);
  CHECK_THROWS_AS(g.expected_payoffs_infinite({-0.5, 1.5}), kindest::ModelError);
  CHECK_THROWS_AS(NPlayerGame(1, 2, [](std::size_t, const Counts&) { return 0.0; }),
                  kindest::ModelError);
}

TEST_CASE("n-player game: finite-population expected payoffs are hypergeometric sums",
          "[games][analytic]") {
  const std::size_t n = 5, z = 30;
  const auto g = NPlayerGame::threshold_public_goods(n, 3, 1, 3);
  for (std::size_t i = 1; i < z; ++i) {  // i cooperators, z - i defectors
    const auto e = g.expected_payoffs(Counts{i, z - i});
    // A cooperator's 4 co-players come from i - 1 cooperators and z - i defectors; a
    // defector's from i cooperators and z - i - 1 defectors.
    double coop = 0, defect = 0;
    for (std::size_t k = 0; k <= n - 1; ++k) {
      coop += binomial(i - 1, k) * binomial(z - i, n - 1 - k) / binomial(z - 1, n - 1) *
              g.payoff(0, Counts{k, n - 1 - k});
      defect += binomial(i, k) * binomial(z - i - 1, n - 1 - k) / binomial(z - 1, n - 1) *
                g.payoff(1, Counts{k, n - 1 - k});
    }
    INFO("i = " << i);
    CHECK_THAT(e[0], WithinAbs(coop, 1e-13));
    CHECK_THAT(e[1], WithinAbs(defect, 1e-13));
  }
  // Monomorphic populations: the absent type has no expected payoff.
  const auto all_c = g.expected_payoffs(Counts{z, 0});
  CHECK_THAT(all_c[0], WithinAbs(2.0, 1e-13));  // r c - c
  CHECK(std::isnan(all_c[1]));
}

TEST_CASE("n-player game: linear public goods has mean-field expected payoffs",
          "[games][analytic]") {
  // Payoffs are linear in the number of cooperating co-players, so only its mean matters:
  // (n-1)(i-1)/(Z-1) for a cooperator, (n-1) i/(Z-1) for a defector, (n-1) x when infinite.
  const double r = 3.5, c = 2;
  const std::size_t n = 6, z = 40;
  const auto g = NPlayerGame::public_goods(n, r, c);
  const double nn = static_cast<double>(n), zz = static_cast<double>(z);
  for (std::size_t i = 1; i < z; ++i) {
    const double ii = static_cast<double>(i);
    const auto e = g.expected_payoffs(Counts{i, z - i});
    CHECK_THAT(e[0], WithinAbs(r * c * (1 + (nn - 1) * (ii - 1) / (zz - 1)) / nn - c, 1e-12));
    CHECK_THAT(e[1], WithinAbs(r * c * (nn - 1) * ii / (zz - 1) / nn, 1e-12));
  }
  for (double x : {0.0, 0.1, 0.5, 0.93, 1.0}) {
    const auto e = g.expected_payoffs_infinite({x, 1 - x});
    CHECK_THAT(e[0], WithinAbs(r * c * (1 + (nn - 1) * x) / nn - c, 1e-12));
    CHECK_THAT(e[1], WithinAbs(r * c * (nn - 1) * x / nn, 1e-12));
  }
}

TEST_CASE("n-player game: infinite expected payoffs are binomial sums and the large-Z limit",
          "[games][analytic]") {
  const std::size_t n = 5;
  const auto g = NPlayerGame::threshold_public_goods(n, 3, 1, 3);
  const double x = 0.3;
  const auto e = g.expected_payoffs_infinite({x, 1 - x});
  double coop = 0, defect = 0;
  for (std::size_t k = 0; k <= n - 1; ++k) {
    const double p = binomial(n - 1, k) * std::pow(x, static_cast<double>(k)) *
                     std::pow(1 - x, static_cast<double>(n - 1 - k));
    coop += p * g.payoff(0, Counts{k, n - 1 - k});
    defect += p * g.payoff(1, Counts{k, n - 1 - k});
  }
  CHECK_THAT(e[0], WithinAbs(coop, 1e-14));
  CHECK_THAT(e[1], WithinAbs(defect, 1e-14));
  // Drawing 4 of a million without replacement is almost drawing with replacement.
  const auto big = g.expected_payoffs(Counts{300000, 700000});
  CHECK_THAT(big[0], WithinAbs(e[0], 1e-5));
  CHECK_THAT(big[1], WithinAbs(e[1], 1e-5));
}

TEST_CASE("n-player game: with n = 2 it is the matrix game without self-interaction",
          "[games][analytic]") {
  const PayoffMatrix m(3, {3, 0, 5, 5, 1, 2, 0.5, 4, 1});
  const NPlayerGame g(2, 3, [&](std::size_t s, const Counts& co) {
    for (std::size_t t = 0; t < 3; ++t)
      if (co[t] == 1) return m(s, t);
    return 0.0;
  });
  for (const Counts& counts : {Counts{4, 7, 9}, Counts{1, 1, 18}, Counts{0, 12, 8}}) {
    const auto e = g.expected_payoffs(counts);
    const double z = static_cast<double>(counts[0] + counts[1] + counts[2]);
    for (std::size_t s = 0; s < 3; ++s) {
      if (counts[s] == 0) {
        CHECK(std::isnan(e[s]));
        continue;
      }
      double total = -m(s, s);  // every other individual once; not itself
      for (std::size_t t = 0; t < 3; ++t) total += static_cast<double>(counts[t]) * m(s, t);
      CHECK_THAT(e[s], WithinRel(total / (z - 1), 1e-13));
    }
    // Infinite population: the plain frequency-weighted row.
    std::vector<double> x(3);
    for (std::size_t t = 0; t < 3; ++t) x[t] = static_cast<double>(counts[t]) / z;
    const auto inf = g.expected_payoffs_infinite(x);
    for (std::size_t s = 0; s < 3; ++s)
      CHECK_THAT(inf[s], WithinAbs(x[0] * m(s, 0) + x[1] * m(s, 1) + x[2] * m(s, 2), 1e-14));
  }
}
