// The invasion job end to end: the same bits for any thread count, interruption and resume to
// the same bits, recorded series consistent with the checkpoint, and bad input.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/invasion_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using kindest::testing::check_same_contents;
using kindest::testing::contents;
using kindest::testing::TempDir;

namespace {

config::Config invasion_config(std::vector<std::string> extra = {}) {
  std::vector<std::string> o = {"run.job=invasion",
                                "run.seed=5",
                                "invasion.generations=20000",
                                "invasion.replicates=3",
                                "invasion.mutation_probability=0.02",
                                "record.interval=97",
                                "record.flush_every=13"};
  o.insert(o.end(), extra.begin(), extra.end());
  return config::load_config("", o);
}

}  // namespace

TEST_CASE("invasion job: identical files for 1, 2 and 4 threads", "[jobs][invasion]") {
  TempDir dir;
  for (const auto& space : {"memory_one", "reactive"}) {
    INFO(space);
    const auto c = invasion_config(
        {std::string("invasion.space=") + space, space == std::string("reactive")
                                                     ? "invasion.initial_rules=0.5,0.5"
                                                     : "invasion.initial_rules=0.5,0.5,0.5,0.5"});
    std::vector<std::map<std::string, std::vector<unsigned char>>> runs;
    for (int threads : {1, 2, 4}) {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                static_cast<std::size_t>(threads));
      const auto path = dir.file(std::string(space) + std::to_string(threads) + ".h5");
      jobs::run_invasion_job(c, {.path = path});
      runs.push_back(contents(path));
    }
    REQUIRE(runs[0].count("/invasion/r0002/mean_rule") == 1);
    CHECK(runs[1] == runs[0]);
    CHECK(runs[2] == runs[0]);
  }
}

TEST_CASE("invasion job: an interrupted run resumes to the same bits", "[jobs][invasion]") {
  TempDir dir;
  const auto c = invasion_config();
  const auto whole = dir.file("whole.h5");
  const auto full = jobs::run_invasion_job(c, {.path = whole});
  CHECK_FALSE(full.interrupted);

  for (std::uint64_t stop_after : {1u, 4321u, 20000u, 45000u}) {
    INFO("stopped after " << stop_after << " generations in all");
    tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
    const auto part = dir.file("part" + std::to_string(stop_after) + ".h5");
    std::atomic<bool> stop{false};
    const auto first = jobs::run_invasion_job(
        c, {.path = part},
        [&](std::uint64_t done, std::uint64_t) {
          if (done >= stop_after) stop = true;
        },
        &stop);
    CHECK(first.interrupted);
    CHECK(record::describe_file(part).attributes.at("complete") == "0");
    const auto second = jobs::run_invasion_job(c, {.path = part, .resume = true});
    CHECK_FALSE(second.interrupted);
    CHECK(second.final_corner == full.final_corner);
    CHECK(record::describe_file(part).attributes.at("complete") == "1");
    check_same_contents(part, whole);
  }
}

TEST_CASE("invasion job: records agree with the checkpoint and the summary", "[jobs][invasion]") {
  TempDir dir;
  const auto path = dir.file("x.h5");
  const auto out = jobs::run_invasion_job(invasion_config(), {.path = path});
  for (std::size_t r = 0; r < 3; ++r) {
    const std::string g = "/invasion/r000" + std::to_string(r);
    const auto generation = record::read_numbers(path, g + "/generation");
    REQUIRE(generation.front() == 0);
    REQUIRE(generation.back() == 20000);
    CHECK(generation.size() == 20000 / 97 + 2);  // 0, every 97th, and the last
    const auto x = record::read_numbers(path, g + "/checkpoint/frequencies");
    const auto rules = record::read_numbers(path, g + "/checkpoint/rules");
    const auto mean = record::read_numbers(path, g + "/mean_rule");
    const auto residents = record::read_numbers(path, g + "/residents");
    // The last record's mean rule is the checkpoint's weighted mean; the checkpoint holds
    // `residents` rules and NaN after them, with frequencies summing to 1.
    std::size_t k = 0;
    double total = 0;
    std::array<double, 4> m{};
    for (; k < x.size() && !std::isnan(x[k]); ++k) {
      total += x[k];
      for (std::size_t s = 0; s < 4; ++s) m[s] += x[k] * rules[4 * k + s];
    }
    CHECK(static_cast<double>(k) == residents.back());
    CHECK_THAT(total, Catch::Matchers::WithinAbs(1.0, 1e-12));
    for (std::size_t s = 0; s < 4; ++s) {
      CHECK(m[s] == mean[mean.size() - 4 + s]);
      CHECK(m[s] == out.final_mean_rule[r][s]);
    }
    CHECK(record::read_numbers(path, "/invasion/final_corner")[r] == out.final_corner[r]);
  }
}

TEST_CASE("invasion job: bad settings are clear errors", "[jobs][invasion][bad-input]") {
  TempDir dir;
  const auto path = dir.file("x.h5");
  CHECK_THROWS_WITH(jobs::run_invasion_job(invasion_config({"invasion.extinction_threshold=0.02"}),
                                           {.path = path}),
                    Catch::Matchers::Contains("must be below mutant_frequency"));
  CHECK_THROWS_WITH(
      jobs::run_invasion_job(invasion_config({"invasion.initial_rules=0.5,0.5"}), {.path = path}),
      Catch::Matchers::Contains("must give 4 probabilities"));
  CHECK_THROWS_WITH(
      jobs::run_invasion_job(invasion_config({"invasion.initial_rules=1,0,0,1"}), {.path = path}),
      Catch::Matchers::Contains("'1' is not a probability in"));
  CHECK_THROWS_WITH(
      jobs::run_invasion_job(invasion_config({"game.type=donation_game"}), {.path = path}),
      Catch::Matchers::Contains("background_fitness >= 1"));
  CHECK_NOTHROW(jobs::run_invasion_job(
      invasion_config({"game.type=donation_game", "invasion.background_fitness=1"}),
      {.path = path}));
}

TEST_CASE("invasion job: a random starting population, equal frequencies, new per replicate",
          "[jobs][invasion]") {
  TempDir dir;
  const auto path = dir.file("start.h5");
  const auto c =
      invasion_config({"invasion.space=reactive", "invasion.initial_rules=0.99,0.01",
                       "invasion.initial_random_rules=99", "invasion.mutant_distribution=uniform",
                       "invasion.mutation_probability=0", "invasion.generations=5",
                       "invasion.replicates=2", "record.interval=1"});
  jobs::run_invasion_job(c, {.path = path});
  const auto residents = record::read_numbers(path, "/invasion/r0000/residents");
  const auto top = record::read_numbers(path, "/invasion/r0000/dominant_frequency");
  CHECK(residents[0] == 100);
  CHECK_THAT(top[0], Catch::Matchers::WithinAbs(0.01, 1e-15));
  // Replicates draw their own random rules (stream (seed, mutation, r, 0)): different means.
  const auto m0 = record::read_numbers(path, "/invasion/r0000/mean_rule");
  const auto m1 = record::read_numbers(path, "/invasion/r0001/mean_rule");
  CHECK(m0[0] != m1[0]);
  // Uniform p over 99 rules and p = 0.99: mean p within 4 standard errors of its expectation.
  const double expected = (99 * 0.5 + 0.99) / 100, se = std::sqrt(99 / 12.0) / 100;
  CHECK(std::abs(m0[0] - expected) < 4 * se);
  CHECK(std::abs(m1[0] - expected) < 4 * se);
  CHECK_THROWS_WITH(jobs::run_invasion_job(invasion_config({"invasion.initial_random_rules=1000",
                                                            "invasion.extinction_threshold=0.002"}),
                                           {.path = dir.file("x.h5")}),
                    Catch::Matchers::Contains("1001 starting rules"));
  CHECK_THROWS_WITH(jobs::run_invasion_job(invasion_config({"invasion.initial_rules="}),
                                           {.path = dir.file("y.h5")}),
                    Catch::Matchers::Contains("0 starting rules"));
}
