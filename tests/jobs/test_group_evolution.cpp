// Job evolution with [payoffs] source = reputation and groups that evolve: the process inside
// groups, norms competing between groups (Murase & Hilbe 2024), migration, and the per-group
// series. Files do not depend on the thread count, --resume gives the uninterrupted file,
// migration 0 writes today's datasets bit for bit, per-group sizes sum to N, the per-group
// series average to the population's, and bad input gets one clear message.
#include <tbb/global_control.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "config_error.hpp"
#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "stop_and_resume.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::TempDir;

namespace {

// The config of /tmp's "today" file: 3 groups sharing views, nothing evolving between groups.
const std::vector<std::string> kToday = {"run.job=evolution",
                                         "run.seed=17",
                                         "game.type=donation_game",
                                         "game.benefit=5",
                                         "game.cost=1",
                                         "payoffs.source=reputation",
                                         "population.size=30",
                                         "population.strategies=ALLC, ALLD, DISC",
                                         "reputation.assessment=private",
                                         "reputation.interaction=random_pairs",
                                         "reputation.norm=SternJudging",
                                         "reputation.observation_probability=0.8",
                                         "reputation.execution_error=0.02",
                                         "reputation.assessment_error=0.02",
                                         "reputation.rounds_per_generation=2",
                                         "groups.count=3",
                                         "groups.in_group_probability=0.8",
                                         "groups.shared_views=true",
                                         "dynamics.process=pairwise_comparison",
                                         "dynamics.mutation_rate=0.05",
                                         "dynamics.generations=30",
                                         "dynamics.replicates=2",
                                         "record.interval=10"};

// Everything at once: the process inside groups, norms evolving, migration.
std::vector<std::string> evolving(std::vector<std::string> extra = {}) {
  auto o = kToday;
  o.insert(o.end(), {"groups.update_within=true", "groups.evolve_norms=true",
                     "groups.norm_pool=SternJudging, SimpleStanding, second:0",
                     "groups.norm_imitation_rate=0.3", "groups.norm_mutation_rate=0.1",
                     "groups.migration_rate=0.05", "record.interval=3", "record.flush_every=2"});
  o.insert(o.end(), extra.begin(), extra.end());
  return o;
}

config::Config load(const std::vector<std::string>& o) { return config::load_config("", o); }

std::string run(const config::Config& c, const std::string& path) {
  jobs::run_evolution_job(c, testing::resolver(), {.path = path, .overwrite = true});
  return path;
}

std::uint64_t fnv1a(const std::vector<unsigned char>& bytes) {
  std::uint64_t h = 0xcbf29ce484222325u;
  for (const unsigned char b : bytes) h = (h ^ b) * 0x100000001b3u;
  return h;
}

std::vector<double> row(const std::vector<double>& all, std::size_t width, std::size_t t) {
  return {all.begin() + static_cast<std::ptrdiff_t>(t * width),
          all.begin() + static_cast<std::ptrdiff_t>((t + 1) * width)};
}

}  // namespace

TEST_CASE("group evolution: migration 0 writes today's datasets bit for bit",
          "[jobs][evolution][reputation][groups][migration]") {
  // FNV-1a of each dataset's bytes in the file the engine wrote before groups evolved (commit
  // 6f8b440, kindest run of the kToday config): every dataset it had is unchanged (the
  // checkpoints' stamps differ: they also cover the new group_of array). Re-recorded for the
  // datasets the in-group draw reaches when it came to pack a round's donors, sides and
  // members (draw_group_pairs, 2026-12-02): the same model, other draws.
  const std::vector<std::pair<std::string, std::uint64_t>> today = {
#include "group_evolution_today.inc"
  };
  TempDir dir;
  auto o = kToday;
  o.push_back("groups.migration_rate=0");
  const auto path = run(load(o), dir.file("zero.h5"));
  for (const auto& [name, hash] : today) {
    INFO(name);
    CHECK(fnv1a(record::read_raw(path, name)) == hash);
  }
  // And the key at 0 is the key left out.
  kindest::testing::check_same_contents(path, run(load(kToday), dir.file("plain.h5")));
}

TEST_CASE("group evolution: identical files for 1, 2 and 4 threads, and --resume",
          "[jobs][evolution][reputation][groups][group_norms][migration]") {
  TempDir dir;
  const auto c = load(evolving());
  const auto whole = dir.file("whole.h5");
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    run(c, whole);
  }
  for (std::size_t threads : {2, 4}) {
    INFO(threads << " threads");
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    kindest::testing::check_same_contents(whole, run(c, dir.file("t.h5")));
  }
  // A stop after the first and after many generations, then --resume: the whole file.
  for (std::uint64_t stop_after : {1u, 40u}) {
    INFO("stopped after " << stop_after);
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
  // Stops wherever the clock lands (tests/stop_and_resume.hpp).
  kindest::testing::check_stopped_runs_resume(load(evolving({"dynamics.generations=400"})), dir,
                                              {5, 40});
}

TEST_CASE("group evolution: group sizes sum to N, and migration changes them",
          "[jobs][evolution][reputation][groups][migration]") {
  TempDir dir;
  const auto path = run(load(evolving({"groups.migration_rate=0.2"})), dir.file("m.h5"));
  bool changed = false;
  for (const char* r : {"/replicates/r0000", "/replicates/r0001"}) {
    const auto sizes = record::read_numbers(path, std::string(r) + "/group_size");
    const auto counts = record::read_numbers(path, std::string(r) + "/counts");
    REQUIRE(sizes.size() % 3 == 0);
    REQUIRE(sizes.size() == counts.size());  // M = S = 3 here
    for (std::size_t t = 0; t < sizes.size() / 3; ++t) {
      const auto s = row(sizes, 3, t);
      CHECK(std::accumulate(s.begin(), s.end(), 0.0) == 30);
      for (double x : s) CHECK(x >= 2);
      changed |= s != std::vector<double>{10, 10, 10};
    }
  }
  CHECK(changed);
}

TEST_CASE("group evolution: per-group series average to the population's",
          "[jobs][evolution][reputation][groups]") {
  // all_pairs: every donor acts N - 1 times a round, so each group's share of the actions is
  // its share of the individuals, and size-weighted group cooperation is cooperation_rate;
  // size-weighted group payoff is average_payoff (both per individual and round).
  TempDir dir;
  auto o = kToday;
  o.erase(std::remove(o.begin(), o.end(), "groups.in_group_probability=0.8"), o.end());
  o.insert(o.end(), {"reputation.interaction=all_pairs", "groups.migration_rate=0.1",
                     "groups.sizes=12, 8, 10", "record.interval=1"});
  const auto path = run(load(o), dir.file("avg.h5"));
  const std::string r = "/replicates/r0001";
  const auto sizes = record::read_numbers(path, r + "/group_size");
  const auto coop = record::read_numbers(path, r + "/group_cooperation");
  const auto pay = record::read_numbers(path, r + "/group_payoff");
  const auto total_coop = record::read_numbers(path, r + "/cooperation_rate");
  const auto total_pay = record::read_numbers(path, r + "/average_payoff");
  REQUIRE(total_coop.size() == 31);
  CHECK(row(sizes, 3, 0) == std::vector<double>{12, 8, 10});
  for (std::size_t t = 0; t < total_coop.size(); ++t) {
    INFO("record " << t);
    double c = 0, p = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      c += sizes[3 * t + k] * coop[3 * t + k] / 30;
      p += sizes[3 * t + k] * pay[3 * t + k] / 30;
    }
    CHECK(c == Approx(total_coop[t]).epsilon(1e-12));
    CHECK(p == Approx(total_pay[t]).epsilon(1e-12).margin(1e-12));
  }
}

TEST_CASE("group evolution: the groups' norms are a series over the pool",
          "[jobs][evolution][reputation][groups][group_norms]") {
  TempDir dir;
  const auto path = run(load(evolving({"groups.norms=SternJudging, second:0, SternJudging",
                                       "groups.norm_mutation_rate=0"})),
                        dir.file("n.h5"));
  CHECK(record::read_strings(path, "/groups/norm_pool") ==
        std::vector<std::string>{"SternJudging", "SimpleStanding", "second:0"});
  const auto norms = record::read_numbers(path, "/replicates/r0000/group_norm");
  REQUIRE(norms.size() >= 3);
  CHECK(row(norms, 3, 0) == std::vector<double>{0, 2, 0});
  // Without mutation, SimpleStanding (never held) never appears; imitation only copies.
  for (double k : norms) CHECK((k == 0 || k == 2));
  // The well-mixed control: one group, mutation every generation -- its norm changes every
  // record (interval 1) and never to itself.
  auto one = evolving({"groups.norm_mutation_rate=1", "record.interval=1"});
  for (auto& s : one)
    if (s == "groups.count=3") s = "groups.count=1";
  one.erase(std::remove(one.begin(), one.end(), "groups.in_group_probability=0.8"), one.end());
  one.erase(std::remove(one.begin(), one.end(), "groups.migration_rate=0.05"), one.end());
  const auto single =
      record::read_numbers(run(load(one), dir.file("one.h5")), "/replicates/r0000/group_norm");
  REQUIRE(single.size() == 31);
  for (std::size_t t = 1; t < single.size(); ++t) CHECK(single[t] != single[t - 1]);
}

TEST_CASE("group evolution: with one group update_within is the whole-population process",
          "[jobs][evolution][reputation][groups]") {
  TempDir dir;
  auto o = kToday;
  o.erase(std::remove(o.begin(), o.end(), "groups.in_group_probability=0.8"), o.end());
  for (auto& s : o)
    if (s == "groups.count=3") s = "groups.count=1";
  const auto plain = run(load(o), dir.file("plain.h5"));
  o.push_back("groups.update_within=true");
  kindest::testing::check_same_contents(plain, run(load(o), dir.file("within.h5")));
}

TEST_CASE("group evolution: bad input is refused by key and value",
          "[jobs][evolution][reputation][groups][bad-input]") {
  TempDir dir;
  const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> table = {
      {{"groups.migration_rate=1.5"}, {"[groups] migration_rate = 1.5", "[0, 1]"}},
      {{"groups.count=1", "groups.in_group_probability=", "groups.migration_rate=0.1"},
       {"[groups] migration_rate = 0.1", "count >= 2"}},
      {{"groups.sizes=1, 14, 15", "groups.in_group_probability=", "groups.migration_rate=0.1"},
       {"[groups] migration_rate = 0.1", "at least 2"}},
      {{"groups.sizes=1, 14, 15", "groups.in_group_probability=", "groups.update_within=true"},
       {"[groups] update_within = true", "at least 2 members"}},
      {{"groups.update_within=true", "dynamics.updates_per_generation=1"},
       {"[dynamics] updates_per_generation = 1", "update_within"}},
      {{"groups.norm_pool=SternJudging"}, {"[groups] norm_pool = SternJudging", "evolve_norms"}},
      {{"groups.norm_mutation_rate=0.1"}, {"[groups] norm_mutation_rate = 0.1", "evolve_norms"}},
      {{"groups.evolve_norms=true", "groups.shared_views=false"},
       {"[groups] evolve_norms = true", "shared_views"}},
      {{"groups.evolve_norms=true"}, {"[groups] norm_pool", "the norms to evolve among"}},
      {{"groups.evolve_norms=true", "groups.norm_pool=SternJudging, Stern"},
       {"[groups] norm_pool = SternJudging, Stern", "same norm as SternJudging"}},
      {{"groups.evolve_norms=true", "groups.norm_pool=SternJudgment"},
       {"[groups] norm_pool = SternJudgment", "did you mean 'SternJudging'"}},
      {{"groups.evolve_norms=true", "groups.norm_pool=SimpleStanding, second:0"},
       {"[groups] norm_pool = SimpleStanding, second:0", "group 0's initial norm",
        "[reputation] norm = SternJudging", "not in the pool"}},
      {{"groups.evolve_norms=true", "groups.norm_pool=SternJudging",
        "groups.norm_imitation_rate=2"},
       {"[groups] norm_imitation_rate = 2", "[0, 1]"}},
  };
  for (const auto& [overrides, parts] : table) {
    INFO(overrides.back());
    auto o = kToday;
    o.insert(o.end(), overrides.begin(), overrides.end());
    testing::check_config_error([&] { run(load(o), dir.file("bad.h5")); }, parts);
  }
}
