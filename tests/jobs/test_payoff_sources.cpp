// Payoff sources of the population jobs checked against independent computations: group games
// against their closed-form fixation probabilities, matches played each generation against the
// tournament and the exact Markov payoffs.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/analytic/fixation_probabilities.hpp"
#include "engine/config/load.hpp"
#include "engine/dynamics/population_payoffs.hpp"
#include "engine/dynamics/process.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/population_game.hpp"
#include "engine/match/markov_payoffs.hpp"
#include "engine/match/population_matches.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "strategies/registry.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using kindest::testing::TempDir;

TEST_CASE("payoff sources: threshold public goods fixation matches its closed form",
          "[jobs][group][verify]") {
  const auto c =
      config::load_config("", {"payoffs.source=threshold_public_goods", "payoffs.group_size=4",
                               "payoffs.multiplication_factor=3", "payoffs.contribution=1",
                               "payoffs.threshold=2", "population.size=12"});
  const auto game = jobs::population_game_from_config(c, testing::resolver());
  REQUIRE(game.group);
  const analytic::FixationSettings fs{.process = analytic::Process::pairwise_comparison,
                                      .selection_intensity = 1};
  // Strategy 0 = C, 1 = D: one C mutant among D residents.
  const double exact =
      analytic::compute_fixation_probabilities(*game.group, 12, fs).probability[1][0];
  const auto process = dynamics::make_process(
      {.kind = dynamics::ProcessKind::pairwise_comparison, .selection_intensity = 1},
      game.payoff_range());
  const int runs = 20000;
  int fixed = 0;
  for (int run = 0; run < runs; ++run) {
    dynamics::Population p{{1, 11}};
    dynamics::GroupPayoffs payoffs(*game.group);
    for (std::uint64_t g = 0; p.counts[0] != 0 && p.counts[0] != 12; ++g) {
      Stream rng(3, Purpose::simulation_check, static_cast<std::uint64_t>(run), g);
      process->run_generation(p, payoffs, rng);
    }
    fixed += p.counts[0] == 12;
  }
  const double simulated = fixed / double(runs);
  INFO("exact " << exact << ", simulated " << simulated);
  CHECK(std::abs(simulated - exact) < 4 * std::sqrt(exact * (1 - exact) / runs));
  CHECK(game.payoff_range().lowest == -1.0);   // a cooperator in a group below the threshold
  CHECK(game.payoff_range().highest == 2.25);  // a defector among 3 cooperators: r c k / n = 9/4
}

TEST_CASE("payoff sources: deterministic matches each generation reproduce the tournament run",
          "[jobs][matches]") {
  TempDir dir;
  const std::vector<std::string> common = {
      "run.job=evolution",
      "population.strategies=TitForTat, Defector, Cycler(CCD), Grudger",
      "population.size=24",
      "match.turns=20",
      "dynamics.generations=60",
      "dynamics.mutation_rate=0.02",
      "dynamics.selection_intensity=0.3",
      "dynamics.replicates=2"};
  auto with = [&](const std::string& source) {
    auto o = common;
    o.push_back("payoffs.source=" + source);
    return config::load_config("", o);
  };
  jobs::run_evolution_job(with("tournament"), testing::resolver(), {.path = dir.file("t.h5")});
  jobs::run_evolution_job(with("matches"), testing::resolver(), {.path = dir.file("m.h5")});
  // Same payoffs up to the rounding of two ways of averaging, hence the same selection events.
  CHECK(record::read_raw(dir.file("m.h5"), "/replicates/r0001/counts") ==
        record::read_raw(dir.file("t.h5"), "/replicates/r0001/counts"));
  for (const char* series : {"mean_payoff", "cooperation_rate"}) {
    INFO(series);
    const std::string path = std::string("/replicates/r0001/") + series;
    const auto m = record::read_numbers(dir.file("m.h5"), path);
    const auto t = record::read_numbers(dir.file("t.h5"), path);
    REQUIRE(m.size() == t.size());
    for (std::size_t k = 0; k < m.size(); ++k)
      if (!std::isnan(t[k])) REQUIRE(std::abs(m[k] - t[k]) < 1e-12);
  }
}

TEST_CASE("payoff sources: realised payoffs of noisy matches average to the exact ones",
          "[jobs][matches][verify]") {
  const auto players = strategies::registry().make_players("TitForTat, WinStayLoseShift, GTFT");
  const match::MatchSettings settings{.turns = 40, .execution_error_rate = 0.05};
  const games::PrisonersDilemma pd;
  const std::vector<std::uint32_t> counts{6, 6, 6};
  games::PayoffMatrix sum(3), sum_sq(3);
  const int generations = 300;
  for (int g = 0; g < generations; ++g) {
    const auto r = match::play_population_matches(players, counts, pd, settings, 1, 0,
                                                  static_cast<std::uint64_t>(g));
    for (std::size_t i = 0; i < 3; ++i)
      for (std::size_t j = 0; j < 3; ++j) {
        sum(i, j) += r.payoffs(i, j);
        sum_sq(i, j) += r.payoffs(i, j) * r.payoffs(i, j);
      }
  }
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) {
      const double exact =
          match::exact_match_payoffs(*players[i].prototype->memory_one(),
                                     *players[j].prototype->memory_one(), pd, settings)
              .payoff_per_turn[0];
      const double mean = sum(i, j) / generations;
      const double se = std::sqrt((sum_sq(i, j) / generations - mean * mean) / (generations - 1));
      INFO(i << " vs " << j << ": exact " << exact << ", realised " << mean << " +- " << se);
      CHECK(std::abs(mean - exact) < 4.5 * se);
    }
}

TEST_CASE("payoff sources: bad group games and misused sources are clear errors",
          "[jobs][bad-input]") {
  TempDir dir;
  CHECK_THROWS_WITH(
      jobs::population_game_from_config(
          config::load_config("", {"payoffs.source=public_goods", "payoffs.group_size=200"}),
          testing::resolver()),
      Catch::Matchers::Contains("exceeds [population] size"));
  CHECK_THROWS_WITH(
      jobs::population_game_from_config(
          config::load_config("", {"payoffs.source=threshold_public_goods", "payoffs.threshold=9"}),
          testing::resolver()),
      Catch::Matchers::Contains("exceeds group_size"));
  CHECK_THROWS_WITH(
      jobs::population_game_from_config(
          config::load_config("", {"payoffs.source=matches", "population.strategies=TFT"}),
          testing::resolver()),
      Catch::Matchers::Contains("at least two"));
}
