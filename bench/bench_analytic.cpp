// Small-mutation limit for a random S x S game: S (S - 1) fixation probabilities at population
// size Z, then the stationary distribution. Prints one markdown row per (process, threads):
//   bench_analytic [S [Z]]      defaults: S = 32, Z = 1000
// "same" says whether the stationary distribution is bit-identical to the 1-thread run.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/analytic/stationary_distribution.hpp"
#include "engine/random/streams.hpp"

using namespace kindest;
using namespace kindest::analytic;

int main(int argc, char** argv) {
  const std::size_t strategies = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 32;
  const std::size_t population = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000;
  Stream rng(2024, Purpose::simulation_check);
  games::PayoffMatrix game(strategies);
  for (std::size_t i = 0; i < strategies; ++i)
    for (std::size_t j = 0; j < strategies; ++j) game(i, j) = 5 * rng.uniform();

  struct Case {
    const char* name;
    FixationSettings settings;
  };
  const std::vector<Case> cases = {
      {"pairwise comparison, beta = 1",
       {.process = Process::pairwise_comparison, .selection_intensity = 1}},
      {"Moran BD, linear w = 0.1",
       {.process = Process::moran_birth_death, .selection_intensity = 0.1}},
      {"Moran DB, exponential w = 1",
       {.process = Process::moran_death_birth,
        .selection_intensity = 1,
        .fitness_mapping = FitnessMapping::exponential}},
  };
  const int cores = tbb::info::default_concurrency();
  std::printf("| process | S | Z | threads | seconds | max stationary | same |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  for (const auto& c : cases) {
    std::vector<double> reference;
    for (int threads : {1, cores}) {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                static_cast<std::size_t>(threads));
      const auto start = std::chrono::steady_clock::now();
      const auto result = compute_small_mutation_limit(game, population, c.settings);
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (reference.empty()) reference = result.stationary;
      std::printf("| %s | %zu | %zu | %d | %.3f | %.4f | %s |\n", c.name, strategies, population,
                  threads, seconds,
                  *std::max_element(result.stationary.begin(), result.stationary.end()),
                  result.stationary == reference ? "yes" : "NO");
      std::fflush(stdout);
    }
  }
}
