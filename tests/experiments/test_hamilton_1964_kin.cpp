// Checks experiments/hamilton_1964_kin.ini: kin assortment r in the donation game against the
// closed forms of its header -- logistic replicator dynamics at rate r b - c, and the fixation
// probability of one cooperator in a finite population (constant payoff difference), both from
// the analysis job and from individual-based simulations run to absorption.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/dynamics/population_payoffs.hpp"
#include "engine/dynamics/process.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/jobs/population_game.hpp"
#include "engine/jobs/replicator_job.hpp"
#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

constexpr double kB = 4, kC = 1;

// Closed form of the header: one cooperator among n - 1 defectors, pairwise comparison (Fermi)
// at intensity beta, constant payoff difference delta = ((r b - c) n - (b - c)) / (n - 1).
double kin_fixation(double r, double n, double beta) {
  const double delta = ((r * kB - kC) * n - (kB - kC)) / (n - 1);
  return std::abs(delta) < 1e-15 ? 1 / n
                                 : std::expm1(-beta * delta) / std::expm1(-n * beta * delta);
}

double logistic(double x0, double rate, double t) {
  return x0 * std::exp(rate * t) / (1 - x0 + x0 * std::exp(rate * t));
}

}  // namespace

TEST_CASE("experiment hamilton_1964_kin: cooperators grow iff r b > c, logistically",
          "[experiment][verify]") {
  testing::TempDir dir;
  for (double r : {0.3, 0.25, 0.2, 0.0, 0.9}) {
    INFO("r = " << r);
    const auto config = experiments::load_experiment("hamilton_1964_kin.ini",
                                                     {"payoffs.assortment=" + std::to_string(r)});
    jobs::run_replicator_job(config, experiments::resolver(),
                             {.path = dir.file("kin.h5"), .overwrite = true});
    const auto t = record::read_numbers(dir.file("kin.h5"), "/replicator/time");
    const auto x = record::read_numbers(dir.file("kin.h5"), "/replicator/frequencies");
    REQUIRE(t.size() == 31);
    REQUIRE(x.size() == 62);
    for (std::size_t k = 0; k < t.size(); ++k)
      CHECK(std::abs(x[2 * k] - logistic(0.01, r * kB - kC, t[k])) < 1e-8);
    // The header's numbers.
    if (r == 0.3) CHECK(std::abs(x[60] - 0.8030) < 1e-4);
    if (r == 0.2) CHECK(std::abs(x[60] - 2.50e-5) < 1e-7);
  }
}

TEST_CASE("experiment hamilton_1964_kin: finite populations, Hamilton's rule with a 1/N correction",
          "[experiment][verify]") {
  testing::TempDir dir;
  const double n = 50, beta = 0.1;
  for (double r : {0.0, 0.2, 0.25, 0.2575, 0.27, 0.5}) {
    INFO("r = " << r);
    const auto config = experiments::load_experiment(
        "hamilton_1964_kin.ini",
        {"run.job=analysis", "payoffs.assortment=" + std::to_string(r), "population.size=50",
         "dynamics.process=pairwise_comparison", "dynamics.selection_intensity=0.1"});
    const auto out = experiments::run_analysis(config, dir);
    const double rho = kin_fixation(r, n, beta);
    // fixation[resident][mutant]: one C (index 0) among D (index 1).
    CHECK(out.limit.fixation[1][0] == Approx(rho).epsilon(1e-10));
    // Favoured iff (r b - c) N > b - c, i.e. r > (c + (b - c) / N) / b = 0.265.
    CHECK((out.limit.fixation[1][0] > 1 / n) == (r > (kC + (kB - kC) / n) / kB));
  }
  // The schema's range and the sources the transform cannot apply to.
  CHECK_THROWS_WITH(
      experiments::load_experiment("hamilton_1964_kin.ini", {"payoffs.assortment=1.5"}),
      Catch::Contains("assortment"));
  const auto groups = experiments::load_experiment(
      "hamilton_1964_kin.ini", {"run.job=analysis", "payoffs.source=public_goods"});
  CHECK_THROWS_WITH(experiments::run_analysis(groups, dir),
                    Catch::Contains("[payoffs] assortment = 0.3 needs a payoff matrix"));
}

// ---- Individual-based fixation: the engine's simulated finite population, not a closed form.

namespace {

std::vector<std::string> kin_population(double r, int n, int replicates) {
  return {"run.job=evolution",
          "payoffs.assortment=" + std::to_string(r),
          "population.size=" + std::to_string(n),
          "population.initial_counts=1," + std::to_string(n - 1),
          "dynamics.process=pairwise_comparison",
          "dynamics.selection_intensity=1",
          "dynamics.mutation_rate=0",
          "dynamics.replicates=" + std::to_string(replicates)};
}

struct Fixations {
  double share = 0, expected = 0, standard_error = 0;
};

// The engine's own pieces, as the evolution job assembles them (population_game_from_config
// applies [payoffs] assortment, process_settings_from_config the [dynamics] keys), run from one
// cooperator to absorption `runs` times; run k, event block g draws from
// (seed, simulation_check, k, g).
Fixations simulate_kin_fixation(double r, int n, int runs) {
  const auto config =
      experiments::load_experiment("hamilton_1964_kin.ini", kin_population(r, n, 1));
  const auto game = jobs::population_game_from_config(config, experiments::resolver());
  const auto settings = jobs::process_settings_from_config(config);
  REQUIRE(settings.kind == dynamics::ProcessKind::pairwise_comparison);
  REQUIRE(!settings.self_interaction);
  const auto process = dynamics::make_process(settings, game.payoff_range());
  const auto z = static_cast<std::uint32_t>(n);
  int fixed = 0;
  for (int run = 0; run < runs; ++run) {
    dynamics::Population p{{1, z - 1}};
    dynamics::MatrixPayoffs payoffs(game.payoffs, settings.self_interaction);
    for (std::uint64_t g = 0; p.counts[0] != 0 && p.counts[0] != z; ++g) {
      Stream rng(config.unsigned_integer("run.seed"), Purpose::simulation_check,
                 static_cast<std::uint64_t>(run), g);
      process->run_generation(p, payoffs, rng);
    }
    fixed += p.counts[0] == z;
  }
  const double rho = kin_fixation(r, n, 1);
  return {fixed / double(runs), rho, std::sqrt(rho * (1 - rho) / runs)};
}

}  // namespace

TEST_CASE(
    "experiment hamilton_1964_kin: the engine plays kin assortment as A' = r A_ii + (1 - r) A_ij",
    "[experiment][verify]") {
  // By hand: a cooperator meets a clone with probability r (b - c), else a defector (-c);
  // a defector meets a clone (0) with probability r, else a cooperator (b).
  for (double r : {0.0, 0.27, 0.5}) {
    const auto config =
        experiments::load_experiment("hamilton_1964_kin.ini", kin_population(r, 20, 1));
    const auto game = jobs::population_game_from_config(config, experiments::resolver());
    CHECK(game.payoffs(0, 0) == Approx(kB - kC));
    CHECK(game.payoffs(0, 1) == Approx(r * (kB - kC) - (1 - r) * kC));
    CHECK(game.payoffs(1, 0) == Approx((1 - r) * kB));
    CHECK(game.payoffs(1, 1) == Approx(0).margin(1e-15));
  }
}

namespace {

// Each r against its closed form, and favoured (rho > 1/N) iff (r b - c) N > b - c, visible in
// the simulation itself: at least 4 s.e. of a neutral mutant's share away from 1/N.
void check_fixation_against_rho(int n, int runs, const std::vector<double>& rs) {
  const double neutral_se = std::sqrt((1.0 / n) * (1 - 1.0 / n) / runs);
  for (double r : rs) {
    const auto f = simulate_kin_fixation(r, n, runs);
    INFO("N = " << n << ", r = " << r << ": fixed " << f.share << ", closed form " << f.expected
                << ", s.e. " << f.standard_error);
    CHECK(std::abs(f.share - f.expected) < 4 * std::max(f.standard_error, 1.0 / runs));
    if (r > (kC + (kB - kC) / n) / kB)
      CHECK(f.share > 1.0 / n + 4 * neutral_se);
    else
      CHECK(f.share < 1.0 / n - 4 * neutral_se);
  }
}

}  // namespace

TEST_CASE("experiment hamilton_1964_kin: individual-based fixation of one cooperator equals rho",
          "[experiment][verify]") {
  // beta = 1. N = 20: the finite-N threshold is r > (c + (b - c) / N) / b = 0.2875; r = 0.5 and
  // 0.3 above it (rho = 0.5913, 0.0788 > 1/N), r = 0.27 between r b = c and it (r b > c, yet
  // rho = 0.0227 < 1/N), r = 0.2 below r b = c (rho = 2.8e-4); 4000 runs each (s.e. 0.0024 at
  // r = 0.27, where 1/N lies 11 s.e. away). N = 50 (threshold 0.265), 20 000 runs: r = 0.5,
  // 0.28 (rho 0.0623), 0.26 (0.0116, between r b = c and the threshold), 0.24 (6.6e-4).
  // About 1 s on one core.
  check_fixation_against_rho(20, 4000, {0.5, 0.3, 0.27, 0.2});
  check_fixation_against_rho(50, 20000, {0.5, 0.28, 0.26, 0.24});
}

TEST_CASE("experiment hamilton_1964_kin: the evolution job's replicates fix C at rate rho",
          "[experiment][verify]") {
  // The job end to end (config -> assortment -> pairwise comparison -> /replicates): each
  // replicate starts from one cooperator without mutation and runs until every one has been
  // absorbed; the share ending all-C is the fixation probability.
  testing::TempDir dir;
  const int n = 20, replicates = 400;
  for (double r : {0.5, 0.27}) {
    auto overrides = kin_population(r, n, replicates);
    overrides.push_back("dynamics.generations=2000");
    overrides.push_back("record.interval=2000");
    const auto config = experiments::load_experiment("hamilton_1964_kin.ini", overrides);
    const auto out = jobs::run_evolution_job(config, experiments::resolver(),
                                             {.path = dir.file("kin.h5"), .overwrite = true});
    int fixed = 0;
    for (const auto& counts : out.final_counts) {
      REQUIRE((counts[0] == 0 || counts[0] == 20u));  // every replicate has been absorbed
      fixed += counts[0] == 20u;
    }
    const double share = fixed / double(replicates), rho = kin_fixation(r, n, 1);
    const double se = std::sqrt(rho * (1 - rho) / replicates);
    INFO("r = " << r << ": fixed " << share << ", closed form " << rho << ", s.e. " << se);
    CHECK(std::abs(share - rho) < 4 * se);
  }
}

TEST_CASE("experiment hamilton_1964_kin: individual-based fixation at N = 100, 100 000 runs",
          "[experiment][verify][.][slow]") {
  // Threshold r > 0.2575: r = 0.255 lies between r b = c and it (rho = 0.0058 < 1/N = 0.01;
  // s.e. 2.4e-4), r = 0.26 just above it (rho = 0.0158).
  check_fixation_against_rho(100, 100000, {0.5, 0.26, 0.255, 0.24});
}
