// The evolution job end to end: reproducibility across thread counts, interruption and resume
// to the same bits, and the file marked incomplete in between.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "strategies/registry.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using kindest::testing::check_same_contents;
using kindest::testing::contents;
using kindest::testing::TempDir;

namespace {

config::Config evolution_config(std::vector<std::string> extra = {}) {
  std::vector<std::string> o = {"run.job=evolution",
                                "run.seed=11",
                                "population.size=60",
                                "population.strategies=ALLC, ALLD, TFT, WSLS, GTFT",
                                "payoffs.source=exact",
                                "match.continuation_probability=0.9",
                                "match.execution_error_rate=0.02",
                                "dynamics.mutation_rate=0.01",
                                "dynamics.generations=300",
                                "dynamics.replicates=3",
                                "record.interval=7",
                                "record.flush_every=5"};
  o.insert(o.end(), extra.begin(), extra.end());
  return config::load_config("", o);
}

}  // namespace

TEST_CASE("evolution job: identical trajectories for 1, 2 and 4 threads", "[jobs][evolution]") {
  TempDir dir;
  for (const auto& process :
       {"pairwise_comparison", "moran_birth_death", "moran_death_birth", "wright_fisher"}) {
    INFO(process);
    const auto c = evolution_config(
        {std::string("dynamics.process=") + process, "dynamics.selection_intensity=0.5"});
    std::vector<std::map<std::string, std::vector<unsigned char>>> runs;
    for (int threads : {1, 2, 4}) {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                static_cast<std::size_t>(threads));
      const auto path = dir.file(std::string(process) + std::to_string(threads) + ".h5");
      jobs::run_evolution_job(c, testing::resolver(), {.path = path});
      runs.push_back(contents(path));
    }
    REQUIRE(runs[0].count("/replicates/r0002/counts") == 1);
    CHECK(runs[1] == runs[0]);
    CHECK(runs[2] == runs[0]);
  }
}

TEST_CASE("evolution job: an interrupted run resumes to the same bits", "[jobs][evolution]") {
  TempDir dir;
  const auto c = evolution_config();
  const auto whole = dir.file("whole.h5");
  jobs::run_evolution_job(c, testing::resolver(), {.path = whole});

  for (std::uint64_t stop_after : {1u, 137u, 500u}) {
    INFO("stopped after " << stop_after << " generations in all");
    tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
    const auto part = dir.file("part" + std::to_string(stop_after) + ".h5");
    std::atomic<bool> stop{false};
    const auto first = jobs::run_evolution_job(
        c, testing::resolver(), {.path = part},
        [&](std::uint64_t done, std::uint64_t) {
          if (done >= stop_after) stop = true;
        },
        &stop);
    CHECK(first.interrupted);
    CHECK(record::describe_file(part).attributes.at("complete") == "0");
    const auto second =
        jobs::run_evolution_job(c, testing::resolver(), {.path = part, .resume = true});
    CHECK_FALSE(second.interrupted);
    CHECK(record::describe_file(part).attributes.at("complete") == "1");
    check_same_contents(part, whole);
  }
}

TEST_CASE("evolution job: resume refuses another config or a complete file",
          "[jobs][evolution][bad-input]") {
  TempDir dir;
  const auto path = dir.file("x.h5");
  std::atomic<bool> stop{true};
  jobs::run_evolution_job(evolution_config(), testing::resolver(), {.path = path}, {}, &stop);
  CHECK_THROWS_WITH(jobs::run_evolution_job(evolution_config({"run.seed=12"}), testing::resolver(),
                                            {.path = path, .resume = true}),
                    Catch::Matchers::Contains("config differs"));
  jobs::run_evolution_job(evolution_config(), testing::resolver(), {.path = path, .resume = true});
  CHECK_THROWS_WITH(jobs::run_evolution_job(evolution_config(), testing::resolver(),
                                            {.path = path, .resume = true}),
                    Catch::Matchers::Contains("complete"));
}

TEST_CASE("evolution job: trajectories are consistent with the population", "[jobs][evolution]") {
  TempDir dir;
  const auto path = dir.file("t.h5");
  const auto out = jobs::run_evolution_job(evolution_config(), testing::resolver(), {.path = path});
  const auto counts = record::read_numbers(path, "/replicates/r0001/counts");
  const auto generation = record::read_numbers(path, "/replicates/r0001/generation");
  // Records at 0, 7, 14, ..., 294 and the last generation 300.
  REQUIRE(generation.size() == 44);
  CHECK(generation.front() == 0);
  CHECK(generation[1] == 7);
  CHECK(generation.back() == 300);
  for (std::size_t t = 0; t < generation.size(); ++t) {
    double sum = 0;
    for (std::size_t s = 0; s < 5; ++s) sum += counts[t * 5 + s];
    REQUIRE(sum == 60);
  }
  for (std::size_t s = 0; s < 5; ++s) CHECK(counts[43 * 5 + s] == out.final_counts[1][s]);
  CHECK(record::read_numbers(path, "/replicates/r0001/checkpoint/generation") ==
        std::vector<double>{300});
}

TEST_CASE("evolution job: bad initial counts and games are clear errors",
          "[jobs][evolution][bad-input]") {
  TempDir dir;
  CHECK_THROWS_WITH(jobs::run_evolution_job(evolution_config({"population.initial_counts=10,10"}),
                                            testing::resolver(), {.path = dir.file("a.h5")}),
                    Catch::Matchers::Contains("must give 5 counts summing to size = 60"));
  CHECK_THROWS_WITH(
      jobs::run_evolution_job(evolution_config({"population.strategies=ALLC, Grudger"}),
                              testing::resolver(), {.path = dir.file("b.h5")}),
      Catch::Matchers::Contains("Grudger is not one"));
  CHECK_THROWS_AS(
      jobs::run_evolution_job(evolution_config({"payoffs.source=matrix", "payoffs.matrix=1,2;3"}),
                              testing::resolver(), {.path = dir.file("c.h5")}),
      ConfigError);
}

TEST_CASE("evolution job: cooperation by strategy, a hand-computed case", "[jobs][evolution]") {
  // Ten-turn matches without noise: ALLC always cooperates, ALLD never, TFT against ALLD only
  // in the first turn (1/10) and always against the others. Z = 4 with counts (1, 1, 2): a TFT
  // individual meets ALLC, ALLD and the other TFT once each, (1 + 0.1 + 1) / 3 = 0.7; the
  // population's rate is (1 * 1 + 1 * 0 + 2 * 0.7) / 4 = 0.6.
  TempDir dir;
  const auto path = dir.file("c.h5");
  jobs::run_evolution_job(
      config::load_config(
          "", {"run.job=evolution", "population.size=4", "population.strategies=ALLC, ALLD, TFT",
               "population.initial_counts=1,1,2", "payoffs.source=exact", "match.turns=10",
               "dynamics.generations=1", "dynamics.replicates=1"}),
      testing::resolver(), {.path = path});
  const auto c = record::read_numbers(path, "/replicates/r0000/cooperation_by_strategy");
  REQUIRE(c.size() == 6);  // generations 0 and 1
  CHECK(c[0] == 1);
  CHECK(c[1] == 0);
  CHECK_THAT(c[2], Catch::Matchers::WithinAbs(0.7, 1e-15));
  CHECK_THAT(record::read_numbers(path, "/replicates/r0000/cooperation_rate")[0],
             Catch::Matchers::WithinAbs(0.6, 1e-15));
  // A strategy absent from the population, or a game without moves: NaN.
  const auto absent = dir.file("a.h5");
  jobs::run_evolution_job(
      config::load_config(
          "", {"run.job=evolution", "population.size=4", "population.strategies=ALLC, ALLD, TFT",
               "population.initial_counts=0,2,2", "payoffs.source=exact", "match.turns=10",
               "dynamics.generations=1", "dynamics.replicates=1"}),
      testing::resolver(), {.path = absent});
  const auto a = record::read_numbers(absent, "/replicates/r0000/cooperation_by_strategy");
  CHECK(std::isnan(a[0]));
  CHECK(a[1] == 0);
  CHECK_THAT(a[2], Catch::Matchers::WithinAbs(0.4, 1e-15));  // (2 * 0.1 + 1) / 3
  const auto matrix = dir.file("m.h5");
  jobs::run_evolution_job(
      config::load_config("", {"run.job=evolution", "payoffs.matrix=1,2;3,4",
                               "dynamics.generations=1", "dynamics.replicates=1"}),
      testing::resolver(), {.path = matrix});
  for (double x : record::read_numbers(matrix, "/replicates/r0000/cooperation_by_strategy"))
    CHECK(std::isnan(x));
}

namespace {

// Cooperates, and requests a stop at its `trigger`-th move: a stop that arrives at a known
// point inside a generation of matches, without timing.
std::atomic<std::uint64_t> g_trigger_moves{0};
std::uint64_t g_trigger_at = 0;
std::atomic<bool>* g_trigger_stop = nullptr;

class StopTrigger final : public StrategyOf<StopTrigger> {
 public:
  static constexpr StrategyInfo info{.id = "StopTrigger",
                                     .name = "Stop trigger",
                                     .aliases = "",
                                     .summary = "Cooperates; requests a stop at its n-th move.",
                                     .cite = "",
                                     .memory_depth = 0,
                                     .stochastic = false};
  Action move(const History&, const History&, Stream&) override {
    if (++g_trigger_moves == g_trigger_at && g_trigger_stop) *g_trigger_stop = true;
    return Action::C;
  }
};

const jobs::PlayerResolver& trigger_resolver() {
  static const jobs::PlayerResolver resolve = [](std::string_view list) {
    std::vector<Player> players;
    for (auto& p : strategies::registry().make_players(list.substr(0, list.rfind(','))))
      players.push_back(std::move(p));
    players.push_back({"StopTrigger", std::make_shared<StopTrigger>()});
    return players;
  };
  return resolve;
}

}  // namespace

TEST_CASE("evolution job: a stop inside a generation of matches ends it within one match",
          "[jobs][evolution][stop]") {
  // [payoffs] source = matches plays every pair of individuals each generation: Z = 300 is
  // 44850 matches, and 4e4 individuals would be minutes per generation. A stop requested part
  // way must end the run within a match (core/stop.hpp), also while recording generation 0
  // (which plays generation 1's matches), and leave a file that resumes to the same bits.
  tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
  TempDir dir;
  const auto c = config::load_config(
      "",
      {"run.job=evolution", "run.seed=3", "population.size=300",
       "population.strategies=ALLC, ALLD, StopTrigger", "payoffs.source=matches", "match.turns=10",
       "dynamics.process=moran_death_birth", "dynamics.selection_intensity=0.1",
       "dynamics.mutation_rate=0.05", "dynamics.generations=3", "record.flush_every=1"});
  const auto whole = dir.file("whole.h5");
  g_trigger_stop = nullptr;
  g_trigger_moves = 0;
  jobs::run_evolution_job(c, trigger_resolver(), {.path = whole});
  const std::uint64_t per_run = g_trigger_moves;
  // Recording generation 0 and each of the 3 generations play one generation of matches.
  REQUIRE(per_run > 4 * 10000);
  const std::uint64_t generation_moves = per_run / 4;
  for (std::uint64_t at : {std::uint64_t{1000}, generation_moves + 1000}) {
    INFO("stop requested at the trigger's move " << at << " of " << per_run);
    const auto part = dir.file("part" + std::to_string(at) + ".h5");
    std::atomic<bool> stop{false};
    g_trigger_moves = 0;
    g_trigger_at = at;
    g_trigger_stop = &stop;
    const auto first = jobs::run_evolution_job(c, trigger_resolver(), {.path = part}, {}, &stop);
    g_trigger_stop = nullptr;
    CHECK(first.interrupted);
    // At most the rest of the match in which the stop came: 2 x 10 moves of a self-pair.
    CHECK(g_trigger_moves <= at + 20);
    CHECK(record::describe_file(part).attributes.at("complete") == "0");
    const auto second =
        jobs::run_evolution_job(c, trigger_resolver(), {.path = part, .resume = true});
    CHECK_FALSE(second.interrupted);
    check_same_contents(part, whole);
  }
}
