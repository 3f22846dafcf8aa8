// Checks experiments/moran_constant_fitness.ini against the closed form for a mutant of
// constant relative fitness r in the Moran process, rho = (1 - 1/r) / (1 - 1/r^N): the analysis
// job exactly, and the engine's simulated Moran process within Monte-Carlo error.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/dynamics/population_payoffs.hpp"
#include "engine/dynamics/process.hpp"
#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

constexpr double kR = 1.1;  // the mutant's payoff row in the experiment's matrix

double closed_form(double r, double n) { return (1 - 1 / r) / (1 - std::pow(r, -n)); }

}  // namespace

TEST_CASE("experiment moran_constant_fitness: analysis job equals the closed form",
          "[experiment][verify]") {
  testing::TempDir dir;
  const auto config = experiments::load_experiment("moran_constant_fitness.ini");
  const auto out = experiments::run_analysis(config, dir);
  REQUIRE(out.game.strategies == std::vector<std::string>{"mutant", "resident"});
  REQUIRE(out.game.payoffs(0, 0) == kR);
  // fixation[resident][mutant]: one mutant (index 0) in a population of residents (index 1).
  const double rho = out.limit.fixation[1][0];
  INFO("rho = " << rho << " (closed form " << closed_form(kR, 100) << ")");
  CHECK(std::abs(rho - closed_form(kR, 100)) < 1e-9);
  CHECK(std::abs(rho - 0.0909157) < 1e-7);  // the header's number
  // And the reverse move: one resident (relative fitness 1/r) among mutants.
  CHECK(std::abs(out.limit.fixation[0][1] - closed_form(1 / kR, 100)) < 1e-12);
}

TEST_CASE("experiment moran_constant_fitness: simulated fixation frequency within 4 s.e.",
          "[experiment][verify]") {
  // N = 20 instead of 100: fixations take ~N ln N events, and 20000 runs at N = 20 resolve rho
  // to 2 % while staying under a second.
  const std::uint32_t z = 20;
  const int runs = 20000;
  const auto config =
      experiments::load_experiment("moran_constant_fitness.ini", {"population.size=20"});
  testing::TempDir dir;
  const auto game = experiments::run_analysis(config, dir).game.payoffs;
  REQUIRE(config.text("dynamics.process") == "moran_birth_death");
  REQUIRE(config.text("dynamics.fitness_mapping") == "linear");
  const dynamics::ProcessSettings settings{
      .kind = dynamics::ProcessKind::moran_birth_death,
      .selection_intensity = config.real("dynamics.selection_intensity"),
      .fitness_mapping = dynamics::FitnessMapping::linear,
      .mutation_rate = 0,
      .self_interaction = config.boolean("population.self_interaction")};
  const auto process = dynamics::make_process(settings, {1.0, 1.1});  // the matrix entries' range

  int fixed = 0;
  for (int run = 0; run < runs; ++run) {
    dynamics::Population p{{1, z - 1}};  // one mutant (index 0) among residents
    dynamics::MatrixPayoffs payoffs(game, settings.self_interaction);
    for (std::uint64_t g = 0; p.counts[0] != 0 && p.counts[0] != z; ++g) {
      Stream rng(config.unsigned_integer("run.seed"), Purpose::simulation_check,
                 static_cast<std::uint64_t>(run), g);
      process->run_generation(p, payoffs, rng);
    }
    fixed += p.counts[0] == z;
  }
  const double expected = closed_form(kR, z);
  const double simulated = fixed / static_cast<double>(runs);
  const double se = std::sqrt(expected * (1 - expected) / runs);
  INFO("simulated " << simulated << ", closed form " << expected << ", s.e. " << se);
  CHECK(std::abs(simulated - expected) < 4 * se);
  CHECK(simulated > 1.0 / z + 10 * se);  // the check has power: selection is visible
}
