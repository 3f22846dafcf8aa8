// job = multilevel: the file does not depend on the thread count and holds what the summary
// says; one group without splitting gives the Moran closed form through the job; bad input is
// refused by key, value and source.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/analytic/fixation_probabilities.hpp"
#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/jobs/multilevel_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::TempDir;

namespace {
config::Config load(std::vector<std::string> overrides) {
  overrides.insert(overrides.begin(), {"run.job=multilevel", "game.type=donation_game"});
  return config::load_config("", overrides);
}

std::string run(const config::Config& c, const std::string& path, std::size_t threads = 0) {
  const jobs::JobContext context{
      .config = c, .output = {.path = path, .overwrite = true}, .resolve = {}, .threads = threads};
  jobs::run_job(jobs::find_job("multilevel"), context);
  return path;
}
}  // namespace

TEST_CASE("multilevel job: identical files for 1, 2 and 4 threads", "[jobs][multilevel]") {
  TempDir dir;
  const auto c = load({"groups.count=6", "groups.max_size=4", "groups.split_probability=0.05",
                       "dynamics.selection_intensity=0.1", "dynamics.replicates=400",
                       "game.benefit=4", "run.seed=7"});
  const auto one = run(c, dir.file("t1.h5"), 1);
  for (std::size_t threads : {2, 4}) {
    INFO(threads << " threads");
    kindest::testing::check_same_contents(one, run(c, dir.file("t.h5"), threads));
  }
  const auto fixed = record::read_numbers(one, "/multilevel/mutant_fixed");
  const auto births = record::read_numbers(one, "/multilevel/births");
  const auto splits = record::read_numbers(one, "/multilevel/splits");
  REQUIRE(fixed.size() == 400);
  REQUIRE(births.size() == 400);
  double k = 0;
  for (std::size_t r = 0; r < 400; ++r) {
    CHECK((fixed[r] == 0 || fixed[r] == 1));
    CHECK(splits[r] <= births[r]);
    // A cooperator that fixed needed births to fill a group and splits to spread: at least
    // n - 1 = 3 births, and m - 1 = 5 splits (each replaces one group).
    if (fixed[r] == 1) {
      CHECK(births[r] >= 3);
      CHECK(splits[r] >= 5);
    }
    k += fixed[r];
  }
  CHECK(k > 0);
  const auto summary = jobs::read_summary(one);
  REQUIRE(summary.tables.size() == 1);
  const auto& t = summary.tables[0];
  CHECK(t.name == "fixation");
  for (const auto& col : t.columns)
    if (col.measure == "fixations") CHECK(col.values[0] == k);
}

TEST_CASE("multilevel job: one group, no splitting -- the Moran closed form",
          "[jobs][multilevel]") {
  TempDir dir;
  const auto c = load({"groups.count=1", "groups.max_size=10", "groups.split_probability=0",
                       "dynamics.selection_intensity=0.2", "dynamics.replicates=20000",
                       "game.benefit=3", "run.seed=3"});
  jobs::OutputOptions output{.path = dir.file("m.h5"), .overwrite = true};
  const auto out = jobs::run_multilevel_job(c, output);
  const games::PayoffMatrix game(2, {2, -1, 3, 0});
  const double exact = analytic::compute_fixation_probability(
      game, 1, 0, 10,
      {.process = analytic::Process::moran_birth_death, .selection_intensity = 0.2});
  INFO("simulated " << out.fixation_probability() << ", exact " << exact);
  CHECK(out.rare_split_limit == exact);  // with one group the limit is the Moran process
  const double se = std::sqrt(exact * (1 - exact) / 20000);
  CHECK(std::abs(out.fixation_probability() - exact) < 4 * se);
  CHECK(exact < 0.1 - 5 * se);  // a cooperator is worse off than neutral: the check has power
}

TEST_CASE("multilevel job: bad settings name the key, the value and the source",
          "[jobs][multilevel]") {
  TempDir dir;
  const auto run_with = [&](std::vector<std::string> o) {
    run(load(std::move(o)), dir.file("bad.h5"));
  };
  CHECK_THROWS_WITH(run_with({"groups.count=1"}), Contains("[groups] split_probability = 0.01") &&
                                                      Contains("one group") &&
                                                      Contains("command line"));
  CHECK_THROWS_WITH(
      run_with({"groups.count=10", "dynamics.selection_intensity=0.9", "game.benefit=3"}),
      Contains("[dynamics] selection_intensity = 0.9"));
  CHECK_THROWS_AS(run_with({"groups.max_size=1"}), ConfigError);
}
