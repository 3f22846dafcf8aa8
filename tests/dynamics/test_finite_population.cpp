// Finite-population processes against independent results: simulated fixation frequencies
// against the closed forms (engine/analytic), neutral martingales, exact one-generation means.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/analytic/fixation_probabilities.hpp"
#include "engine/core/stop.hpp"
#include "engine/dynamics/population_payoffs.hpp"
#include "engine/dynamics/process.hpp"

using namespace kindest;
using namespace kindest::dynamics;

namespace {

// Fraction of `runs` in which one mutant (strategy 1) takes over Z - 1 residents (strategy 0).
double simulated_fixation(const games::PayoffMatrix& game, std::uint32_t z,
                          const ProcessSettings& s, int runs, std::uint64_t seed) {
  const auto& a = game.row_major();
  const auto [lo, hi] = std::minmax_element(a.begin(), a.end());
  const auto process = make_process(s, {*lo, *hi});
  int fixed = 0;
  for (int run = 0; run < runs; ++run) {
    Population p{{z - 1, 1}};
    MatrixPayoffs payoffs(game, s.self_interaction);
    for (std::uint64_t g = 0; p.counts[1] != 0 && p.counts[1] != z; ++g) {
      Stream rng(seed, Purpose::simulation_check, static_cast<std::uint64_t>(run), g);
      process->run_generation(p, payoffs, rng);
    }
    fixed += p.counts[1] == z;
  }
  return fixed / static_cast<double>(runs);
}

analytic::FixationSettings closed_form_settings(const ProcessSettings& s) {
  analytic::FixationSettings f;
  f.process = s.kind == ProcessKind::moran_birth_death   ? analytic::Process::moran_birth_death
              : s.kind == ProcessKind::moran_death_birth ? analytic::Process::moran_death_birth
                                                         : analytic::Process::pairwise_comparison;
  f.selection_intensity = s.selection_intensity;
  f.fitness_mapping = s.fitness_mapping;
  f.self_interaction = s.self_interaction;
  return f;
}

}  // namespace

TEST_CASE("finite population: simulated fixation matches the closed forms", "[dynamics][verify]") {
  // A coordination-like game where the mutant is favoured but not overwhelmingly.
  const games::PayoffMatrix game(2, {1.0, 1.2, 1.6, 1.1});  // resident 0, mutant 1
  const std::uint32_t z = 12;
  const int runs = 20000;
  for (auto kind : {ProcessKind::moran_birth_death, ProcessKind::moran_death_birth,
                    ProcessKind::pairwise_comparison}) {
    // Linear w = 0.8 keeps fitness within a factor 2 (the Moran processes pick by rejection);
    // exponential w = 3 does not (they scan the strategies' weights).
    for (const auto& [mapping, w, self] : std::vector<std::tuple<FitnessMapping, double, bool>>{
             {FitnessMapping::linear, 0.8, false},
             {FitnessMapping::linear, 0.8, true},
             {FitnessMapping::exponential, 3.0, false}}) {
      ProcessSettings s{.kind = kind,
                        .selection_intensity = w,
                        .fitness_mapping = mapping,
                        .self_interaction = self};
      const double exact =
          analytic::compute_fixation_probability(game, 0, 1, z, closed_form_settings(s));
      const double simulated = simulated_fixation(game, z, s, runs, 17 + static_cast<int>(kind));
      const double se = std::sqrt(exact * (1 - exact) / runs);
      INFO("process " << static_cast<int>(kind) << " w " << w << " self " << self << ": exact "
                      << exact << ", simulated " << simulated);
      CHECK(std::abs(simulated - exact) < 4 * se);
      CHECK(exact > 1.5 / z);  // the test has power: selection is visible
    }
  }
}

TEST_CASE("finite population: neutral drift fixes with probability 1/Z", "[dynamics][verify]") {
  const games::PayoffMatrix game(2, {1, 1, 1, 1});
  const std::uint32_t z = 10;
  const int runs = 20000;
  const double se = std::sqrt(0.1 * 0.9 / runs);
  for (auto kind : {ProcessKind::moran_birth_death, ProcessKind::wright_fisher}) {
    const double simulated =
        simulated_fixation(game, z, {.kind = kind, .selection_intensity = 1}, runs, 5);
    CHECK(std::abs(simulated - 0.1) < 4 * se);
  }
}

TEST_CASE("finite population: one Wright-Fisher generation has the multinomial mean",
          "[dynamics][verify]") {
  // Constant fitness r for strategy 1 (linear fitness, w = 1): E[x'] = x r / (x r + 1 - x).
  const games::PayoffMatrix game(2, {1, 1, 1.5, 1.5});
  const auto process =
      make_process({.kind = ProcessKind::wright_fisher, .selection_intensity = 1}, {1.0, 1.5});
  const std::uint32_t z = 100;
  const double x = 0.3, r = 1.5, expected = x * r / (x * r + 1 - x);
  const int samples = 20000;
  double sum = 0;
  for (int k = 0; k < samples; ++k) {
    Population p{{70, 30}};
    MatrixPayoffs payoffs(game, false);
    Stream rng(9, Purpose::simulation_check, static_cast<std::uint64_t>(k));
    process->run_generation(p, payoffs, rng);
    REQUIRE(p.size() == z);
    sum += p.counts[1] / double(z);
  }
  const double se = std::sqrt(expected * (1 - expected) / z / samples);
  CHECK(std::abs(sum / samples - expected) < 4 * se);
}

TEST_CASE("finite population: every process conserves the population size", "[dynamics]") {
  const games::PayoffMatrix game(3, {0, -1, 1, 1, 0, -1, -1, 1, 0});
  for (auto kind : {ProcessKind::moran_birth_death, ProcessKind::moran_death_birth,
                    ProcessKind::pairwise_comparison, ProcessKind::wright_fisher}) {
    const auto process = make_process({.kind = kind,
                                       .selection_intensity = 0.5,
                                       .fitness_mapping = FitnessMapping::exponential,
                                       .mutation_rate = 0.05},
                                      {-1.0, 1.0});
    Population p{{30, 20, 10}};
    MatrixPayoffs payoffs(game, false);
    for (std::uint64_t g = 0; g < 50; ++g) {
      Stream rng(1, Purpose::simulation_check, g);
      process->run_generation(p, payoffs, rng);
      REQUIRE(p.size() == 60);
    }
  }
}

TEST_CASE("finite population: linear fitness that could go negative is refused",
          "[dynamics][bad-input]") {
  // Lowest payoff -5: 1 - w + w * (-5) > 0 iff w < 1/6.
  CHECK_THROWS_WITH(
      make_process({.kind = ProcessKind::moran_birth_death, .selection_intensity = 0.5},
                   {-5.0, 5.0}),
      Catch::Matchers::Contains("exponential"));
  CHECK_NOTHROW(make_process({.kind = ProcessKind::moran_birth_death, .selection_intensity = 0.1},
                             {-5.0, 5.0}));
  CHECK_NOTHROW(make_process({.kind = ProcessKind::moran_birth_death,
                              .selection_intensity = 0.5,
                              .fitness_mapping = FitnessMapping::exponential},
                             {-5.0, 5.0}));
}

TEST_CASE("finite population: a stop request ends a long generation part-way", "[dynamics][stop]") {
  // Every process polls the flag every kStopPollEvents events (engine/core/stop.hpp), so Ctrl-C
  // takes effect inside one generation of a huge population; without a request it runs whole.
  const games::PayoffMatrix game(2, {3, 0, 5, 1});
  const auto z = static_cast<std::uint32_t>(2 * kStopPollEvents);
  for (auto kind : {ProcessKind::moran_birth_death, ProcessKind::moran_death_birth,
                    ProcessKind::pairwise_comparison, ProcessKind::wright_fisher}) {
    std::atomic<bool> stop{true};
    const auto process = make_process(
        {.kind = kind, .selection_intensity = 0.1, .mutation_rate = 0.01, .stop = &stop},
        {0.0, 5.0});
    Population p{{z / 2, z / 2}};
    MatrixPayoffs payoffs(game, false);
    Stream rng(1, Purpose::simulation_check, 0);
    CHECK_THROWS_AS(process->run_generation(p, payoffs, rng), Interrupted);
    stop = false;
    Population q{{z / 2, z / 2}};
    MatrixPayoffs fresh(game, false);
    Stream again(1, Purpose::simulation_check, 0);
    process->run_generation(q, fresh, again);
    CHECK(q.size() == z);
  }
}
