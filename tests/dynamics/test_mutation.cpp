#include <catch2/catch.hpp>
#include <cmath>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/dynamics/mutation.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/population_game.hpp"
#include "strategies/registry.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using kindest::dynamics::LocalMutation;

TEST_CASE("mutation: uniform mutants take every other strategy equally often",
          "[dynamics][mutation]") {
  Stream rng(4, Purpose::simulation_check);
  std::array<int, 4> hits{};
  const int n = 40000;
  for (int k = 0; k < n; ++k) ++hits[dynamics::mutant_of(2, 4, rng)];
  CHECK(hits[2] == 0);
  for (int s : {0, 1, 3})
    CHECK(std::abs(hits[s] / double(n) - 1.0 / 3) < 5 * std::sqrt(2.0 / 9 / n));
}

TEST_CASE("mutation: local mutants follow the Gaussian kernel of memory-one distance",
          "[dynamics][mutation]") {
  const std::vector<MemoryOneVector> v = {{{0.9, 0.1, 0.1, 0.9}, 1},
                                          {{1.0, 0.0, 0.0, 1.0}, 1},
                                          {{0.9, 0.1, 0.5, 0.9}, 0},
                                          {{0.1, 0.1, 0.1, 0.1}, 0}};
  const double sigma = 0.3;
  const LocalMutation local(v, sigma);
  // Independent weights from the definition; the first-move probability plays no part.
  std::array<double, 4> w{};
  double total = 0;
  for (std::size_t j = 1; j < 4; ++j) {
    double d2 = 0;
    for (std::size_t k = 0; k < 4; ++k) d2 += (v[0].p[k] - v[j].p[k]) * (v[0].p[k] - v[j].p[k]);
    w[j] = std::exp(-d2 / (2 * sigma * sigma));
    total += w[j];
  }
  Stream rng(8, Purpose::simulation_check);
  std::array<int, 4> hits{};
  const int n = 100000;
  for (int k = 0; k < n; ++k) ++hits[local.mutant_of(0, rng)];
  CHECK(hits[0] == 0);
  for (std::uint32_t j = 1; j < 4; ++j) {
    const double p = w[j] / total;
    CHECK(local.probability(0, j) == Approx(p).epsilon(1e-12));
    CHECK(std::abs(hits[j] / double(n) - p) < 5 * std::sqrt(p * (1 - p) / n));
  }
  CHECK_THROWS_AS(LocalMutation(v, 0), kindest::ModelError);
}

TEST_CASE("mutation: on the memory-one grid small steps go to the nearest corners",
          "[dynamics][mutation]") {
  const auto c = config::load_config(
      "", {"population.memory_one_grid=2", "payoffs.source=exact", "payoffs.long_run=true"});
  const auto game = jobs::population_game_from_config(
      c, [](std::string_view l) { return strategies::registry().make_players(l); });
  REQUIRE(game.strategies.size() == 16);
  REQUIRE(game.memory_one.size() == 16);
  CHECK(game.strategies[0] == "MemoryOne(0.001,0.001,0.001,0.001,0.001)");
  const LocalMutation local(game.memory_one, 0.1);
  // Strategy 0 is the all-0.001 corner; its neighbours differ in one coordinate (indices 1, 2,
  // 4, 8 in the grid's order), each a quarter of the mutants.
  for (std::uint32_t j = 1; j < 16; ++j) {
    const bool neighbour = j == 1 || j == 2 || j == 4 || j == 8;
    INFO(j);
    if (neighbour)
      CHECK(local.probability(0, j) == Approx(0.25).epsilon(1e-9));
    else
      CHECK(local.probability(0, j) < 1e-20);
  }
}

TEST_CASE("mutation: local mutation needs memory-one strategies",
          "[dynamics][mutation][bad-input]") {
  kindest::testing::TempDir dir;
  const auto resolve = [](std::string_view l) { return strategies::registry().make_players(l); };
  CHECK_THROWS_WITH(jobs::run_evolution_job(
                        config::load_config("", {"run.job=evolution", "dynamics.mutation=local"}),
                        resolve, {.path = dir.file("a.h5")}),
                    Catch::Matchers::Contains("needs memory-one strategies"));
  CHECK_THROWS_WITH(
      jobs::population_game_from_config(
          config::load_config("", {"population.memory_one_grid=2", "population.strategies=TFT,ALLD",
                                   "payoffs.source=exact"}),
          resolve),
      Catch::Matchers::Contains("not both"));
}
