// Checks experiments/imhof_fudenberg_nowak_2005.ini against Imhof, Fudenberg & Nowak (2005):
// the cycle ALLD -> TFT -> ALLC -> ALLD with most time at TFT, in the exact small-mutation limit
// and in a simulated run with rare mutation.
#include <catch2/catch.hpp>

#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

const char* kFile = "imhof_fudenberg_nowak_2005.ini";
enum : std::size_t { kAllc = 0, kAlld = 1, kTft = 2 };  // order of [payoffs] labels

}  // namespace

TEST_CASE("experiment imhof_fudenberg_nowak_2005: small-mutation limit cycles, most time at TFT",
          "[experiment][verify]") {
  testing::TempDir dir;
  const auto out = experiments::run_analysis(experiments::load_experiment(kFile), dir);
  REQUIRE(out.game.strategies == std::vector<std::string>{"ALLC", "ALLD", "TFT"});
  // The paper's matrix: m = 10, (R, S, T, P) = (3, 0.1, 5, 1), complexity cost 0.8.
  const double m = 10, r = 3, s = 0.1, t = 5, p = 1, cost = 0.8;
  const double paper[3][3] = {{r * m, s * m, r * m},
                              {t * m, p * m, t + p * (m - 1)},
                              {r * m - cost, s + p * (m - 1) - cost, r * m - cost}};
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j)
      CHECK(std::abs(out.game.payoffs(i, j) - paper[i][j]) < 1e-12);
  // ALLD is the only strict Nash equilibrium: it earns more against itself than ALLC or TFT
  // do, while in a TFT population ALLC earns more than TFT (it pays no complexity cost).
  CHECK(paper[kAlld][kAlld] > paper[kAllc][kAlld]);
  CHECK(paper[kAlld][kAlld] > paper[kTft][kAlld]);
  CHECK(paper[kAllc][kTft] > paper[kTft][kTft]);

  const auto& st = out.limit.stationary;
  const auto& rho = out.limit.fixation;  // [resident][mutant]
  INFO("stationary: ALLC " << st[kAllc] << ", ALLD " << st[kAlld] << ", TFT " << st[kTft]);
  CHECK(experiments::argmax(st) == kTft);
  CHECK(st[kTft] > 0.5);  // "most of the time"

  // Each edge of the cycle is crossed far more often forward than backward: forward fixation
  // beats backward fixation, and the net probability flux pi_i T_ij - pi_j T_ji is positive.
  const std::size_t cycle[3][2] = {{kAlld, kTft}, {kTft, kAllc}, {kAllc, kAlld}};
  for (const auto& edge : cycle) {
    const std::size_t from = edge[0], to = edge[1];
    INFO(out.game.strategies[from] << " -> " << out.game.strategies[to] << ": rho " << rho[from][to]
                                   << " forward, " << rho[to][from] << " backward");
    CHECK(rho[from][to] > rho[to][from]);
    const auto& tr = out.limit.transition;
    CHECK(st[from] * tr[from][to] > st[to] * tr[to][from]);
  }
}

TEST_CASE("experiment imhof_fudenberg_nowak_2005: simulated with rare mutation, TFT most common",
          "[experiment][verify]") {
  testing::TempDir dir;
  const auto config = experiments::load_experiment(kFile, {"run.job=evolution"});
  const auto path = dir.file("evolution.h5");
  const auto outcome = jobs::run_evolution_job(config, experiments::resolver(), {.path = path});
  REQUIRE_FALSE(outcome.interrupted);
  const auto reps = experiments::replicate_averages(
      path, static_cast<std::size_t>(config.integer("dynamics.replicates")), 3);
  std::vector<experiments::MeanAndError> freq;
  for (std::size_t s = 0; s < 3; ++s) {
    std::vector<double> batches;
    for (const auto& r : reps) batches.push_back(r.frequency[s]);
    freq.push_back(experiments::batch_mean(batches));
  }
  INFO("time-averaged frequency: ALLC " << freq[kAllc].mean << ", ALLD " << freq[kAlld].mean
                                        << ", TFT " << freq[kTft].mean << " (s.e. "
                                        << freq[kTft].standard_error << ")");
  // TFT ahead of each of the others by more than 4 standard errors of the difference.
  for (std::size_t other : {kAllc, kAlld}) {
    const double se = std::hypot(freq[kTft].standard_error, freq[other].standard_error);
    CHECK(freq[kTft].mean - freq[other].mean > 4 * se);
  }
}
