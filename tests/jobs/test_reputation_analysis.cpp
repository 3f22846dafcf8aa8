// Job analysis with [payoffs] source = reputation end to end: the closed form where the
// reputation game is deterministic, the datasets and summary it writes, identical files for 1,
// 2 and 4 threads, and clear refusals.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/resources.hpp"
#include "engine/jobs/analysis_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "strategies/registry.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using kindest::testing::contents;
using kindest::testing::TempDir;

namespace {

config::Config reputation_analysis(std::vector<std::string> extra = {}) {
  std::vector<std::string> o = {"run.job=analysis",
                                "run.seed=3",
                                "game.type=donation_game",
                                "game.benefit=5",
                                "game.cost=1",
                                "population.size=12",
                                "population.strategies=ALLC, ALLD",
                                "payoffs.source=reputation",
                                "reputation.assessment=public",
                                "reputation.norm=SternJudging",
                                "reputation.burn_in=2",
                                "reputation.window=10",
                                "dynamics.process=pairwise_comparison",
                                "dynamics.selection_intensity=0.05"};
  o.insert(o.end(), extra.begin(), extra.end());
  return config::load_config("", o);
}

double summary_value(const jobs::Summary& s, const std::string& table, const std::string& column) {
  for (const auto& t : s.tables)
    if (t.name == table)
      for (const auto& c : t.columns)
        if (c.measure == column) return c.values.at(0);
  FAIL("no " << table << "/" << column << " in the summary");
  return NAN;
}

}  // namespace

TEST_CASE("reputation analysis: ALLC vs ALLD in all_pairs rounds is the matrix game's closed form",
          "[jobs][analysis][reputation_analysis]") {
  // No errors and an institution: each all-pairs round pays ALLC b (Z - k - 1) - c (Z - 1) and
  // ALLD b (Z - k) with k ALLD, i.e. (Z - 1) times the donation game's matrix payoffs.
  TempDir dir;
  const auto out = jobs::run_analysis_job(reputation_analysis({"reputation.interaction=all_pairs"}),
                                          testing::resolver(), {.path = dir.file("a.h5")});
  const double b = 5, c = 1, m = 11;
  const games::PayoffMatrix matrix(2, {(b - c) * m, -c * m, b * m, 0});
  const auto closed = analytic::compute_small_mutation_limit(
      matrix, 12, {.process = analytic::Process::pairwise_comparison, .selection_intensity = 0.05});
  const auto rho = record::read_numbers(dir.file("a.h5"), "/analysis/fixation_probability");
  const auto pi = record::read_numbers(dir.file("a.h5"), "/analysis/stationary_distribution");
  REQUIRE(rho.size() == 4);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK_THAT(pi[i], WithinRel(closed.stationary[i], 1e-12));
    for (std::size_t j = 0; j < 2; ++j)
      CHECK_THAT(rho[2 * i + j], WithinRel(closed.fixation[i][j], 1e-12));
  }
  // Per-composition payoffs, (S, S, Z - 1), and the monomorphic games.
  const auto mutant = record::read_numbers(dir.file("a.h5"), "/analysis/payoff_mutant");
  REQUIRE(mutant.size() == 2 * 2 * 11);
  CHECK_THAT(mutant[(0 * 2 + 1) * 11 + 2], WithinRel(b * (12 - 3), 1e-14));  // 3 ALLD among ALLC
  CHECK(std::isnan(mutant[0]));
  CHECK(record::read_numbers(dir.file("a.h5"), "/analysis/self_cooperation") ==
        std::vector<double>{1, 0});
  // Long-run cooperation: only the ALLC state cooperates.
  const auto summary = jobs::analysis_summary(out);
  CHECK_THAT(summary_value(summary, "population", "cooperation_rate"),
             WithinRel(closed.stationary[0], 1e-12));
  CHECK(out.game.strategies == std::vector<std::string>{"ALLC", "ALLD"});
}

TEST_CASE("reputation analysis: identical files for 1, 2 and 4 threads",
          "[jobs][analysis][reputation_analysis]") {
  TempDir dir;
  const auto c = reputation_analysis(
      {"population.size=70", "population.strategies=L1, ALLC, ALLD",
       "reputation.assessment=private", "reputation.observation_probability=0.9",
       "reputation.perception_error=0.05", "reputation.norm=L1", "reputation.window=4"});
  std::vector<std::map<std::string, std::vector<unsigned char>>> runs;
  for (int threads : {1, 2, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    const auto path = dir.file("t" + std::to_string(threads) + ".h5");
    jobs::run_analysis_job(c, testing::resolver(), {.path = path});
    runs.push_back(contents(path));
  }
  REQUIRE(runs[0].count("/analysis/payoff_resident") == 1);
  CHECK(runs[1] == runs[0]);
  CHECK(runs[2] == runs[0]);
  // Another seed is another file: the games draw from the seed.
  jobs::run_analysis_job(
      reputation_analysis({"population.size=70", "population.strategies=L1, ALLC, ALLD",
                           "reputation.assessment=private",
                           "reputation.observation_probability=0.9",
                           "reputation.perception_error=0.05", "reputation.norm=L1",
                           "reputation.window=4", "run.seed=4"}),
      testing::resolver(), {.path = dir.file("seed4.h5")});
  CHECK(contents(dir.file("seed4.h5")).at("/analysis/payoff_resident") !=
        runs[0].at("/analysis/payoff_resident"));
}

TEST_CASE("reputation analysis: bad input gets one clear message",
          "[jobs][analysis][reputation_analysis]") {
  TempDir dir;
  const auto fails = [&](std::vector<std::string> extra) {
    return [extra, &dir] {
      jobs::run_analysis_job(reputation_analysis(extra), testing::resolver(),
                             {.path = dir.file("x.h5"), .overwrite = true});
    };
  };
  // A library strategy is not a reputation strategy.
  CHECK_THROWS_AS(fails({"population.strategies=TFT, ALLD"})(), ConfigError);
  CHECK_THROWS_WITH(fails({"population.strategies=TFT, ALLD"})(), Contains("TFT"));
  // One strategy has no small-mutation limit.
  CHECK_THROWS_WITH(fails({"population.strategies=ALLC"})(), Contains("at least two strategies"));
  // The reputation game never plays itself.
  CHECK_THROWS_WITH(fails({"population.self_interaction=true"})(),
                    Contains("[population] self_interaction = true") && Contains("reputation"));
  // Wright-Fisher has no closed-form fixation probability, whatever the payoffs.
  CHECK_THROWS_WITH(fails({"dynamics.process=wright_fisher"})(), Contains("wright_fisher"));
  // A strategy that judges with the population's norm while none is set.
  CHECK_THROWS_AS(fails({"reputation.norm=", "reputation.assessment=private",
                         "population.strategies=DISC, ALLD"})(),
                  ConfigError);
  // Linear Moran fitness that goes negative names the key.
  CHECK_THROWS_WITH(fails({"dynamics.process=moran_birth_death", "dynamics.selection_intensity=0.9",
                           "reputation.interaction=all_pairs"})(),
                    Contains("selection_intensity"));
  // Absurd work is refused before any game is played (this would take days otherwise): N =
  // 2000 private, 3 + 3 x 1999 games x 2e6 rounds x 2000 actions x 32 words.
  const std::vector<std::string> huge{
      "population.size=2000",          "population.strategies=L1, ALLC, ALLD",
      "reputation.assessment=private", "reputation.norm=L1",
      "reputation.burn_in=1000000",    "reputation.window=1000000"};
  CHECK_THROWS_AS(fails(huge)(), ResourceError);
  CHECK_THROWS_WITH(fails(huge)(), Contains("[reputation] burn_in + window = 1000000 + 1000000") &&
                                       Contains("word updates") && Contains("1e10"));
}
