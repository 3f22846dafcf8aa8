// Checks experiments/fudenberg_imhof_2006.ini: a full simulation at mu = 1e-4 against the exact
// small-mutation limit (Fudenberg & Imhof 2006) of the same game, within Monte-Carlo error
// estimated by batch means over independent replicates.
#include <catch2/catch.hpp>

#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

const char* kFile = "fudenberg_imhof_2006.ini";

// `max_error`: the standard error the run must reach, so that agreement means something.
void check_simulation_against_limit(const std::vector<std::string>& overrides, double max_error) {
  testing::TempDir dir;
  const auto analysis =
      experiments::run_analysis(experiments::load_experiment(kFile, {"run.job=analysis"}), dir);
  const auto& limit = analysis.limit.stationary;
  const std::size_t s = limit.size();
  const double neutral = 1.0 / static_cast<double>(s);

  const auto config = experiments::load_experiment(kFile, overrides);
  const auto path = dir.file("evolution.h5");
  REQUIRE_FALSE(
      jobs::run_evolution_job(config, experiments::resolver(), {.path = path}).interrupted);
  const auto reps = experiments::replicate_averages(
      path, static_cast<std::size_t>(config.integer("dynamics.replicates")), s);

  // Per replicate: time-averaged frequency, and the share of its monomorphic time spent at
  // each strategy (the quantity the limit describes exactly).
  std::vector<std::vector<double>> frequency(s), monomorphic_share(s);
  for (const auto& r : reps) {
    const double mono = std::accumulate(r.monomorphic.begin(), r.monomorphic.end(), 0.0);
    CHECK(mono > 0.98);  // mu is small enough for the population to be monomorphic mostly
    for (std::size_t i = 0; i < s; ++i) {
      frequency[i].push_back(r.frequency[i]);
      monomorphic_share[i].push_back(r.monomorphic[i] / mono);
    }
  }
  for (std::size_t i = 0; i < s; ++i) {
    for (const auto* batches : {&frequency[i], &monomorphic_share[i]}) {
      const auto m = experiments::batch_mean(*batches);
      INFO(analysis.game.strategies[i] << (batches == &frequency[i] ? " frequency " : " share ")
                                       << m.mean << " +- " << m.standard_error
                                       << " (s.e.), small-mutation limit " << limit[i]);
      CHECK(std::abs(m.mean - limit[i]) < 4 * m.standard_error);
      CHECK(m.standard_error < max_error);  // the run is long enough to resolve the limit
    }
  }
  // Power: the limit is far from neutral drift (1/S each), so agreement within a few s.e.
  // could not happen by chance with a simulation that ignored selection.
  const double furthest = *std::max_element(limit.begin(), limit.end(), [&](double x, double y) {
    return std::abs(x - neutral) < std::abs(y - neutral);
  });
  CHECK(std::abs(furthest - neutral) > 0.15);
}

}  // namespace

TEST_CASE("experiment fudenberg_imhof_2006: simulation at mu = 1e-4 matches the limit",
          "[experiment][verify]") {
  check_simulation_against_limit({}, 0.02);
}

// Opt-in (hidden; run with "[slow]"): about a minute on 2 cores, so neither "[experiment]" nor
// "[verify]" selects it.
TEST_CASE("experiment fudenberg_imhof_2006: long simulation matches the limit, s.e. below 0.005",
          "[.][slow]") {
  check_simulation_against_limit({"dynamics.generations=10000000", "dynamics.replicates=32"},
                                 0.005);
}
