// job = reputation with [groups]: one group writes the well-mixed file, files do not depend on
// the thread count, in- and out-group cooperation are written and right where they are known,
// and bad [groups] input is refused by key and value.
#include <tbb/global_control.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>

#include "config_error.hpp"
#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/reputation/norm.hpp"
#include "hdf5_contents.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::TempDir;

namespace {
config::Config load(std::vector<std::string> overrides) {
  overrides.insert(overrides.begin(), {"run.job=reputation", "game.type=donation_game"});
  return config::load_config("", overrides);
}

std::string run(const config::Config& c, const std::string& path, std::size_t threads = 0) {
  const jobs::JobContext context{
      .config = c, .output = {.path = path, .overwrite = true}, .resolve = {}, .threads = threads};
  jobs::run_job(jobs::find_job("reputation"), context);
  return path;
}

const std::vector<std::string> kBase = {"population.size=60",
                                        "population.strategies=DISC, Group(L6, ALLD), ALLD",
                                        "reputation.norm=SternJudging",
                                        "reputation.observation_probability=0.9",
                                        "reputation.perception_error=0.05",
                                        "reputation.execution_error=0.02",
                                        "reputation.initial_reputation=random",
                                        "reputation.burn_in=10",
                                        "reputation.window=20",
                                        "reputation.replicates=5",
                                        "run.seed=4"};
}  // namespace

TEST_CASE("reputation job: one group writes the well-mixed file", "[jobs][reputation][groups]") {
  // count = 1 (and sizes = N) is the well-mixed game: every dataset the same, bit for bit.
  TempDir dir;
  for (const char* assessment : {"private", "public"}) {
    INFO(assessment);
    auto base = kBase;
    base.push_back(std::string("reputation.assessment=") + assessment);
    const auto plain = kindest::testing::contents(run(load(base), dir.file("plain.h5")));
    auto one = base;
    one.insert(one.end(), {"groups.count=1", "groups.sizes=60", "groups.out_group_norm=L3"});
    const auto grouped = kindest::testing::contents(run(load(one), dir.file("one.h5")));
    for (const auto& [path, bytes] : plain) {
      if (path == "/" || path.find("config") != std::string::npos) continue;
      if (path == "/reputation/out_group_norm") continue;  // names L3, used by no action
      INFO(path);
      REQUIRE(grouped.count(path) == 1);
      CHECK(grouped.at(path) == bytes);
    }
    const auto in = record::read_numbers(dir.file("plain.h5"), "/reputation/in_group_cooperation");
    const auto all = record::read_numbers(dir.file("plain.h5"), "/reputation/cooperation_rate");
    const auto out =
        record::read_numbers(dir.file("plain.h5"), "/reputation/out_group_cooperation");
    CHECK(in == all);
    for (double x : out) CHECK(std::isnan(x));
  }
}

TEST_CASE("reputation job: groups give identical files for 1, 2 and 4 threads",
          "[jobs][reputation][groups]") {
  TempDir dir;
  for (const char* interaction : {"random_pairs", "sweeps"}) {
    INFO(interaction);
    auto o = kBase;
    o.insert(o.end(), {"groups.count=4", "groups.out_group_norm=ImageScoring",
                       std::string("reputation.interaction=") + interaction});
    if (std::string(interaction) == "random_pairs") o.push_back("groups.in_group_probability=0.7");
    const auto c = load(o);
    const auto one = run(c, dir.file("t1.h5"), 1);
    for (std::size_t threads : {2, 4}) {
      INFO(threads << " threads");
      kindest::testing::check_same_contents(one, run(c, dir.file("t.h5"), threads));
    }
    const auto in = record::read_numbers(one, "/reputation/in_group_cooperation");
    const auto out = record::read_numbers(one, "/reputation/out_group_cooperation");
    REQUIRE(in.size() == 5);
    REQUIRE(out.size() == 5);
    // Group(L6, ALLD) and ALLD never help the out-group; DISC does: cooperation is lower there.
    for (std::size_t r = 0; r < 5; ++r) CHECK(out[r] < in[r]);
    const auto norms = record::read_strings(one, "/reputation/out_group_norm");
    CHECK(norms[0] == reputation::norm_table(reputation::parse_norm("ImageScoring")));
    CHECK(norms[1] == norms[0]);  // ALLD's side judges with the population's out-group norm
    CHECK(record::read_strings(one, "/reputation/norm")[1] ==
          reputation::norm_table(reputation::parse_norm("SternJudging")));
  }
}

TEST_CASE("reputation job: bad [groups] input is refused by key and value",
          "[jobs][reputation][groups][bad-input]") {
  TempDir dir;
  const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> table = {
      {{"groups.count=61"}, {"[groups] count = 61", "allowed 1 .. [population] size"}},
      {{"groups.sizes=30, 20"}, {"[groups] sizes = 30, 20", "sum to 50", "size = 60"}},
      {{"groups.sizes=30, 0, 30"}, {"[groups] sizes = 30, 0, 30", "whole number >= 1"}},
      {{"groups.sizes=30, 30", "groups.count=3"}, {"[groups] count = 3", "lists 2 groups"}},
      {{"groups.in_group_probability=0.5"},
       {"[groups] in_group_probability = 0.5", "at least 2 groups"}},
      {{"groups.count=2", "groups.in_group_probability=0.5"},
       {"[groups] in_group_probability = 0.5", "random_pairs"}},
      {{"groups.count=2", "groups.in_group_probability=1.5", "reputation.interaction=random_pairs"},
       {"[groups] in_group_probability = 1.5", "[0, 1]"}},
      {{"groups.count=60", "groups.in_group_probability=0.5",
        "reputation.interaction=random_pairs"},
       {"[groups] in_group_probability = 0.5", "at least 2 members"}},
      {{"groups.out_group_norm=SternJudgment"},
       {"[groups] out_group_norm = SternJudgment", "did you mean 'SternJudging'"}},
  };
  for (const auto& [overrides, parts] : table) {
    INFO(overrides.front());
    auto o = kBase;
    o.insert(o.end(), overrides.begin(), overrides.end());
    testing::check_config_error([&] { run(load(o), dir.file("bad.h5")); }, parts);
  }
}

TEST_CASE("reputation evolution with groups: thread counts and resume give the same bits",
          "[jobs][evolution][reputation][groups]") {
  // Groups persist through strategy updates (tags are fixed); group reputations are part of
  // the checkpoint (extra view rows), so a resumed run continues to the same bits.
  TempDir dir;
  for (const char* model : {"groups.group_reputation=true", "groups.shared_views=true"}) {
    INFO(model);
    const auto c = config::load_config("", {"run.job=evolution",
                                            "run.seed=5",
                                            "payoffs.source=reputation",
                                            "game.type=donation_game",
                                            "population.size=40",
                                            "population.strategies=DISC, Group(DISC, ALLD), ALLD",
                                            "reputation.norm=SternJudging",
                                            "reputation.assessment=private",
                                            "reputation.interaction=random_pairs",
                                            "reputation.observation_probability=0.8",
                                            "reputation.execution_error=0.02",
                                            "reputation.assessment_error=0.02",
                                            "reputation.rounds_per_generation=2",
                                            "groups.count=4",
                                            "groups.in_group_probability=0.6",
                                            model,
                                            "dynamics.mutation_rate=0.02",
                                            "dynamics.generations=40",
                                            "dynamics.replicates=3",
                                            "record.interval=3",
                                            "record.flush_every=2"});
    const auto whole = dir.file("whole.h5");
    {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
      jobs::run_evolution_job(c, testing::resolver(), {.path = whole, .overwrite = true});
    }
    for (std::size_t threads : {2, 4}) {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
      const auto path = dir.file("t.h5");
      jobs::run_evolution_job(c, testing::resolver(), {.path = path, .overwrite = true});
      kindest::testing::check_same_contents(whole, path);
    }
    for (std::uint64_t stop_after : {1u, 50u}) {
      INFO("stopped after " << stop_after);
      tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
      const auto part = dir.file("part.h5");
      std::atomic<bool> stop{false};
      const auto first = jobs::run_evolution_job(
          c, testing::resolver(), {.path = part, .overwrite = true},
          [&](std::uint64_t done, std::uint64_t) {
            if (done >= stop_after) stop = true;
          },
          &stop);
      CHECK(first.interrupted);
      jobs::run_evolution_job(c, testing::resolver(), {.path = part, .resume = true});
      kindest::testing::check_same_contents(part, whole);
    }
  }
}

TEST_CASE("reputation evolution with groups: in- and out-group cooperation per record",
          "[jobs][evolution][reputation][groups]") {
  // Without errors Group(ALLC, ALLD) helps exactly its own group and ALLC everyone, so in every
  // record in-group cooperation is 1, and out-group cooperation is the share of out-group
  // actions whose donor is ALLC: strictly between 0 and 1 while both play (generation 1 starts
  // 15 : 15). With one group every action is in-group: in_group_cooperation is cooperation_rate
  // and out-group is NaN.
  TempDir dir;
  const std::vector<std::string> base = {"run.job=evolution",
                                         "run.seed=6",
                                         "payoffs.source=reputation",
                                         "game.type=donation_game",
                                         "population.size=30",
                                         "population.strategies=Group(ALLC, ALLD), ALLC",
                                         "population.initial_counts=15, 15",
                                         "reputation.norm=ImageScoring",
                                         "reputation.assessment=public",
                                         "reputation.interaction=random_pairs",
                                         "reputation.rounds_per_generation=2",
                                         "dynamics.mutation_rate=0.05",
                                         "dynamics.generations=30",
                                         "dynamics.replicates=2",
                                         "record.interval=1"};
  auto grouped = base;
  grouped.insert(grouped.end(), {"groups.count=3", "groups.in_group_probability=0.5"});
  const auto path = dir.file("g.h5");
  jobs::run_evolution_job(config::load_config("", grouped), testing::resolver(), {.path = path});
  for (const char* r : {"/replicates/r0000", "/replicates/r0001"}) {
    const auto in = record::read_numbers(path, std::string(r) + "/in_group_cooperation");
    const auto out = record::read_numbers(path, std::string(r) + "/out_group_cooperation");
    REQUIRE(in.size() == 31);
    REQUIRE(out.size() == in.size());
    for (std::size_t t = 1; t < in.size(); ++t) {  // record 0 is before any game
      INFO(r << " record " << t);
      CHECK(in[t] == 1.0);
      CHECK(out[t] >= 0.0);
      CHECK(out[t] <= 1.0);
    }
    CHECK(out[1] > 0.0);
    CHECK(out[1] < 1.0);
  }
  const auto one = dir.file("one.h5");
  jobs::run_evolution_job(config::load_config("", base), testing::resolver(), {.path = one});
  const auto in = record::read_numbers(one, "/replicates/r0000/in_group_cooperation");
  const auto rate = record::read_numbers(one, "/replicates/r0000/cooperation_rate");
  const auto out = record::read_numbers(one, "/replicates/r0000/out_group_cooperation");
  for (std::size_t t = 1; t < in.size(); ++t) {
    CHECK(in[t] == rate[t]);
    CHECK(std::isnan(out[t]));
  }
}

TEST_CASE("reputation evolution: one group writes the well-mixed file",
          "[jobs][evolution][reputation][groups]") {
  // As for job reputation: count = 1 with the population's size is the well-mixed game, so every
  // series and checkpoint is the same bits (Group(IN, OUT) plays as IN).
  TempDir dir;
  const std::vector<std::string> base = {"run.job=evolution",
                                         "run.seed=9",
                                         "payoffs.source=reputation",
                                         "game.type=donation_game",
                                         "population.size=24",
                                         "reputation.norm=SternJudging",
                                         "reputation.assessment=private",
                                         "reputation.interaction=random_pairs",
                                         "reputation.observation_probability=0.8",
                                         "reputation.execution_error=0.02",
                                         "reputation.rounds_per_generation=2",
                                         "dynamics.mutation_rate=0.05",
                                         "dynamics.generations=25",
                                         "dynamics.replicates=2",
                                         "record.interval=2"};
  auto plain = base, one = base;
  plain.push_back("population.strategies=DISC, ALLD");
  one.insert(one.end(), {"population.strategies=DISC, Group(ALLD, ALLC)", "groups.count=1",
                         "groups.sizes=24", "groups.out_group_norm=L3"});
  const auto a = dir.file("plain.h5"), b = dir.file("one.h5");
  jobs::run_evolution_job(config::load_config("", plain), testing::resolver(), {.path = a});
  jobs::run_evolution_job(config::load_config("", one), testing::resolver(), {.path = b});
  const auto x = kindest::testing::contents(a), y = kindest::testing::contents(b);
  for (const auto& [path, bytes] : x) {
    // The config and the strategy names differ by construction; /summary rows name strategies.
    if (path == "/" || path.find("config") != std::string::npos ||
        path.find("strateg") != std::string::npos || path == "/summary/strategy")
      continue;
    INFO(path);
    REQUIRE(y.count(path) == 1);
    CHECK(y.at(path) == bytes);
  }
}
