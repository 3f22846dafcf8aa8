// The CLI's side of the job registry and of the one-writer rule: commands that list and run
// jobs, and what a user sees when a file is taken or a key is cleared.
#include <unistd.h>

#include <catch2/catch.hpp>

#include "cli_runner.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/record/write_lock.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::run_cli;
using kindest::testing::TempDir;

TEST_CASE("cli: kindest jobs lists every job, --help names them", "[cli][jobs]") {
  const auto r = run_cli("jobs");
  REQUIRE(r.code == 0);
  for (const char* job : {"tournament", "evolution", "analysis", "replicator", "invasion"})
    CHECK_THAT(r.out, Contains(std::string("  ") + job));
  CHECK_THAT(r.out, Contains("[resumable]"));
  CHECK_THAT(run_cli("--help").out, Contains("evolution") && Contains("[resumable]"));
  CHECK(run_cli("info --help").code == 0);
}

TEST_CASE("cli: a run prints its summary and kindest info shows the stored one", "[cli][jobs]") {
  TempDir dir;
  const auto r = run_cli(
      "tournament --players Cooperator,TitForTat,Defector --turns 10 --repetitions 1 "
      "--no-self-play --noise 0.05 -q -o " +
      dir.file("t.h5"));
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("Ranking by mean score per turn") && Contains("score/turn"));
  const auto info = run_cli("info " + dir.file("t.h5"));
  CHECK_THAT(info.out, Contains("Summary (/summary)") && Contains("score_per_turn"));
  // The flag's number is stored as typed, not as 0.050000000000000003.
  CHECK_THAT(record::describe_file(dir.file("t.h5")).attributes.at("config"),
             Contains("execution_error_rate = 0.05\n"));
}

TEST_CASE("cli: --force on a file another run is writing is refused, naming the writer",
          "[cli][lock]") {
  TempDir dir;
  const std::string path = dir.file("busy.h5");
  REQUIRE(run_cli("tournament --players Cooperator,Defector --turns 5 -q -o " + path).code == 0);
  record::WriteLock held(path);  // this test process plays the running writer
  const auto r =
      run_cli("tournament --players Cooperator,Defector --turns 5 -q --force -o " + path);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Contains("is being written by process " + std::to_string(::getpid())));
  CHECK(record::describe_file(path).attributes.at("complete") == "1");  // untouched
}

TEST_CASE("cli: an override with an empty value clears the key", "[cli]") {
  TempDir dir;
  const auto ini = dir.write("e.ini",
                             "[run]\njob = evolution\n[population]\nstrategies = ALLC, ALLD\n"
                             "size = 10\ninitial_counts = 5, 5\n");
  const auto r = run_cli("run " + ini + " --population.initial_counts= --print-config");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("initial_counts = \n"));
}

TEST_CASE("cli: an unknown [run] job is refused before the config is printed or run",
          "[cli][jobs][bad-input]") {
  TempDir dir;
  const auto ini = dir.write("j.ini", "[run]\njob = evolutoin\n");
  for (const std::string& extra :
       std::vector<std::string>{" --print-config", " -q -o " + dir.file("j.h5")}) {
    const auto r = run_cli("run " + ini + extra);
    CHECK(r.code != 0);
    CHECK_THAT(r.err, Contains("[run] job = evolutoin is not a job") &&
                          Contains("did you mean 'evolution'") && Contains("(in " + ini + ")"));
  }
  const auto r = run_cli("run " + ini + " --run.job=replicatr --print-config");
  CHECK(r.code != 0);
  CHECK_THAT(r.err, Contains("[run] job = replicatr is not a job") &&
                        Contains("did you mean 'replicator'") && Contains("(on the command line)"));
}

TEST_CASE("cli: kindest norms lists the named norms with their verdicts", "[cli][reputation]") {
  const auto r = run_cli("norms");
  REQUIRE(r.code == 0);
  // Verdicts in entry order BBD BBC BGD BGC GBD GBC GGD GGC, written out here from the
  // definitions: Image Scoring is G iff C; Stern Judging G iff C to G or D to B.
  CHECK_THAT(r.out, Contains("ImageScoring") && Contains("BGBGBGBG"));
  CHECK_THAT(r.out, Contains("SternJudging") && Contains("GBBGGBBG"));
  for (int k = 1; k <= 8; ++k) CHECK_THAT(r.out, Contains("L" + std::to_string(k)));
}
