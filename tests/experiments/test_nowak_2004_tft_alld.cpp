// Checks experiments/nowak_2004_tft_alld.ini against Nowak, Sasaki, Taylor & Fudenberg (2004):
// under weak selection, rho_TFT > 1/N exactly when a(N-2) + b(2N-1) > c(N+1) + d(2N-4), and for
// large N the one-third law. The conditions are the paper's; the fixation probabilities are the
// analysis job's, so the two are independent.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/jobs/population_game.hpp"
#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

const char* kFile = "nowak_2004_tft_alld.ini";

// The paper's finite-N condition for a mutant A (index 0) against residents B (index 1):
// positive iff weak selection favours A's fixation (rho_A > 1/N).
double nowak_condition(const games::PayoffMatrix& m, double n) {
  const double a = m(0, 0), b = m(0, 1), c = m(1, 0), d = m(1, 1);
  return a * (n - 2) + b * (2 * n - 1) - c * (n + 1) - d * (2 * n - 4);
}

// The unstable interior equilibrium (fraction of A) of a bistable 2x2 game.
double invasion_barrier(const games::PayoffMatrix& m) {
  return (m(1, 1) - m(0, 1)) / (m(0, 0) - m(0, 1) - m(1, 0) + m(1, 1));
}

}  // namespace

TEST_CASE("experiment nowak_2004_tft_alld: the paper's matrix equals exact 10-round play",
          "[experiment][verify]") {
  const auto matrix = jobs::population_game_from_config(experiments::load_experiment(kFile),
                                                        experiments::resolver());
  const auto exact = jobs::population_game_from_config(
      experiments::load_experiment(kFile, {"payoffs.source=exact"}), experiments::resolver());
  REQUIRE(matrix.strategies == std::vector<std::string>{"TFT", "ALLD"});
  REQUIRE(exact.strategies == std::vector<std::string>{"TitForTat", "Defector"});
  const double paper[2][2] = {{30, 9}, {14, 10}};  // Nowak et al. (2004), 10 rounds of (3,0,5,1)
  for (std::size_t i = 0; i < 2; ++i)
    for (std::size_t j = 0; j < 2; ++j) {
      INFO("entry " << i << "," << j);
      CHECK(matrix.payoffs(i, j) == paper[i][j]);
      // source = exact gives the payoff per turn; 10 turns make the paper's totals.
      CHECK(std::abs(10 * exact.payoffs(i, j) - paper[i][j]) < 1e-12);
    }
}

TEST_CASE("experiment nowak_2004_tft_alld: rho_TFT > 1/N iff a(N-2)+b(2N-1) > c(N+1)+d(2N-4)",
          "[experiment][verify]") {
  testing::TempDir dir;
  for (const std::string source : {"matrix", "exact"}) {
    int favoured = 0;
    for (int n = 2; n <= 60; ++n) {
      const auto out = experiments::run_analysis(
          experiments::load_experiment(
              kFile, {"payoffs.source=" + source, "population.size=" + std::to_string(n)}),
          dir);
      const double rho_tft = out.limit.fixation[1][0];  // one TFT among N - 1 ALLD
      const double condition = nowak_condition(out.game.payoffs, n);
      INFO(source << ": N = " << n << ", N rho_TFT = " << n * rho_tft << ", condition "
                  << condition);
      REQUIRE(condition != 0);  // never on the boundary for this game (14N - 43 per 10 rounds)
      CHECK((rho_tft > 1.0 / n) == (condition > 0));
      favoured += rho_tft > 1.0 / n;
    }
    // The paper's numbers: 14N > 43, so N = 2, 3 oppose TFT and N = 4..60 favour it.
    CHECK(favoured == 57);
  }
}

TEST_CASE("experiment nowak_2004_tft_alld: one-third law for large N", "[experiment][verify]") {
  testing::TempDir dir;
  const int n = 1000;  // N w max|payoff| <= 0.04 at the file's w = 1e-6: still weak selection
  const std::string size = "population.size=" + std::to_string(n);

  // TFT vs ALLD over m rounds: x* = 1/(2m - 3), below 1/3 iff m >= 4; m = 3 is the boundary,
  // where the finite-N condition (-15 < 0 for every N) decides.
  for (int m = 3; m <= 12; ++m) {
    const auto out = experiments::run_analysis(
        experiments::load_experiment(
            kFile, {"payoffs.source=exact", "match.turns=" + std::to_string(m), size}),
        dir);
    const double rho_tft = out.limit.fixation[1][0];
    const double x = invasion_barrier(out.game.payoffs);
    INFO("m = " << m << ": x* = " << x << ", N rho_TFT = " << n * rho_tft);
    CHECK(std::abs(x - 1.0 / (2 * m - 3)) < 1e-9);
    if (m == 3) {
      CHECK(rho_tft < 1.0 / n);
      CHECK(nowak_condition(out.game.payoffs, n) < 0);
    } else {
      CHECK(rho_tft > 1.0 / n);
    }
  }

  // Bistable coordination games on both sides of 1/3, including two where A is risk dominant
  // (x* < 1/2) and still disfavoured (x* > 1/3): the one-third law, not risk dominance.
  struct Case {
    const char* matrix;
    double barrier;
  };
  for (const Case& k :
       {Case{"10,0;4,1", 1.0 / 7}, Case{"6,1;3,2", 1.0 / 4}, Case{"7,0;4,2", 2.0 / 5},
        Case{"11,0;8,3", 3.0 / 6}, Case{"8,1;6,3", 2.0 / 4}, Case{"9,2;7,4", 2.0 / 4},
        Case{"5,0;2,2", 2.0 / 5}}) {
    const auto out = experiments::run_analysis(
        experiments::load_experiment(
            kFile, {std::string("payoffs.matrix=") + k.matrix, "payoffs.labels=A,B", size}),
        dir);
    const double rho_a = out.limit.fixation[1][0];
    INFO(k.matrix << ": x* = " << k.barrier << ", N rho_A = " << n * rho_a);
    REQUIRE(std::abs(invasion_barrier(out.game.payoffs) - k.barrier) < 1e-12);
    CHECK((rho_a > 1.0 / n) == (k.barrier < 1.0 / 3));
  }
}
