#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/config/lists.hpp"
#include "engine/config/load.hpp"
#include "engine/config/schema.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "strategies/registry.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::TempDir;

namespace {
// Named parts, not a nested designated initializer: g++ 12 then warns (maybe-uninitialized)
// about the temporaries.
jobs::JobResult run_named(std::string_view job, const config::Config& c, const std::string& path,
                          bool resume = false) {
  jobs::OutputOptions output;
  output.path = path;
  output.resume = resume;
  const jobs::JobContext context{c, output, testing::resolver()};
  return jobs::run_job(jobs::find_job(job), context);
}

double value_of(const jobs::Summary& s, const std::string& table, const std::string& measure,
                const std::string& row) {
  for (const auto& t : s.tables) {
    if (t.name != table) continue;
    for (const auto& c : t.columns) {
      if (c.measure != measure) continue;
      for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (t.rows[r] == row) return c.values[r];
    }
  }
  FAIL("no " << table << "/" << measure << "/" << row << " in the summary");
  return 0;
}
}  // namespace

TEST_CASE("job registry: unique names, the schema leaves [run] job to it, docs/JOBS.md",
          "[jobs][registry]") {
  std::set<std::string> names;
  for (const auto* j : jobs::job_registry()) {
    CHECK(names.insert(std::string(j->name)).second);
    CHECK(j->run != nullptr);
    CHECK(!j->description.empty());
    CHECK(&jobs::find_job(j->name) == j);
  }
  // The job names live in the registry only: the schema types [run] job as a job, lists no
  // choices of its own, and its default is a registered job.
  const auto* key = config::find_key("run.job");
  REQUIRE(key != nullptr);
  CHECK(key->type == config::ValueType::job);
  CHECK(key->choices.empty());
  CHECK(names.count(std::string(key->default_value)) == 1);

  std::ifstream in(std::string(KINDEST_SOURCE_DIR) + "/docs/JOBS.md");
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == jobs::jobs_markdown());  // regenerate: kindest jobs --markdown > docs/JOBS.md
}

TEST_CASE("job registry: an unknown job names the jobs and the closest", "[jobs][registry]") {
  CHECK_THROWS_WITH(jobs::find_job("evolutoin"), Contains("[run] job = evolutoin is not a job") &&
                                                     Contains("did you mean 'evolution'") &&
                                                     Contains("jobs: tournament"));
  // From a config: the same message with the value's source, from a file or the command line.
  const auto from_text = config::load_config_text("[run]\njob = evolutoin\n", "x.ini");
  CHECK_THROWS_WITH(jobs::job_of(from_text), Contains("[run] job = evolutoin is not a job") &&
                                                 Contains("did you mean 'evolution'") &&
                                                 Contains("(in x.ini)"));
  const auto from_flags = config::load_config("", {"run.job=replicatr"});
  CHECK_THROWS_WITH(jobs::job_of(from_flags),
                    Contains("did you mean 'replicator'") && Contains("(on the command line)"));
  CHECK(&jobs::job_of(config::load_config_text("[run]\njob = analysis\n", "x.ini")) ==
        &jobs::find_job("analysis"));
}

TEST_CASE("job registry: --resume is refused for a job that does not checkpoint",
          "[jobs][registry]") {
  TempDir dir;
  const auto c = config::load_config("", {"tournament.players=Cooperator,Defector"});
  CHECK_THROWS_AS(run_named("tournament", c, dir.file("t.h5"), true), ConfigError);
}

TEST_CASE("job summary: the small exact tournament's totals, in the file and as returned",
          "[jobs][summary]") {
  // references.md: 10 turns, 1 repetition, no self-play, (3,0,5,1): totals over all matches
  // Cooperator 30, TitForTat 39, Defector 64, i.e. per turn against each of the 2 others
  // 30/20, 39/20, 64/20.
  TempDir dir;
  const auto c =
      config::load_config("", {"tournament.players=Cooperator,TitForTat,Defector", "match.turns=10",
                               "tournament.repetitions=1", "tournament.self_play=false"});
  const auto result = run_named("tournament", c, dir.file("t.h5"));
  CHECK_FALSE(result.interrupted);
  const auto stored = jobs::read_summary(dir.file("t.h5"));
  for (const auto* s : {&result.summary, &stored}) {
    CHECK(value_of(*s, "ranking", "score_per_turn", "Cooperator") == Approx(30.0 / 20));
    CHECK(value_of(*s, "ranking", "score_per_turn", "TitForTat") == Approx(39.0 / 20));
    CHECK(value_of(*s, "ranking", "score_per_turn", "Defector") == Approx(64.0 / 20));
    CHECK(value_of(*s, "ranking", "rank", "Defector") == 1);
    CHECK(value_of(*s, "ranking", "rank", "TitForTat") == 2);
    CHECK(value_of(*s, "ranking", "rank", "Cooperator") == 3);
    // Defector beats both others in its matches; TitForTat beats nobody (it only ties or loses).
    CHECK(value_of(*s, "ranking", "wins", "Defector") == 2);
    CHECK(value_of(*s, "ranking", "wins", "TitForTat") == 0);
  }
  // Without self-play the with-self column is not a measure of this run.
  for (const auto& col : stored.tables.at(0).columns)
    CHECK(col.measure != "score_per_turn_with_self");
  const auto table = record::read_strings(dir.file("t.h5"), "/summary/table");
  CHECK(table.size() == 3 * 4);  // 3 players x (rank, score, cooperation, wins)
}

TEST_CASE("job summary: analysis of a 2x2 matrix -- the stationary distribution from rho",
          "[jobs][summary]") {
  // Two strategies: the small-mutation chain has pi_A / pi_B = rho_BA / rho_AB; neutral payoffs
  // give rho = 1/Z both ways and pi = (1/2, 1/2).
  TempDir dir;
  const auto c = config::load_config("", {"run.job=analysis", "payoffs.matrix=1,1;1,1",
                                          "payoffs.labels=C,D", "population.size=20"});
  const auto result = run_named("analysis", c, dir.file("a.h5"));
  const auto stored = jobs::read_summary(dir.file("a.h5"));
  for (const auto* s : {&result.summary, &stored}) {
    CHECK(value_of(*s, "stationary_distribution", "stationary_probability", "C") == Approx(0.5));
    CHECK(value_of(*s, "stationary_distribution", "stationary_probability", "D") == Approx(0.5));
  }
  // The fixation matrix is printed but not stored twice (it is /analysis/fixation_probability).
  for (const auto& t : stored.tables) CHECK(t.name != "fixation_probability");
  CHECK_THAT(jobs::summary_text(result.summary), Contains("Fixation probability"));
}
