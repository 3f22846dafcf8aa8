// Checks experiments/hamilton_1964_kin.ini: kin assortment r in the donation game against the
// closed forms of its header -- logistic replicator dynamics at rate r b - c, and the fixation
// probability of one cooperator in a finite population (constant payoff difference).
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/jobs/replicator_job.hpp"
#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

constexpr double kB = 4, kC = 1;

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
    const double delta = ((r * kB - kC) * n - (kB - kC)) / (n - 1);
    const double rho =
        std::abs(delta) < 1e-15 ? 1 / n : std::expm1(-beta * delta) / std::expm1(-n * beta * delta);
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
