// kindest sweep: the grid's specs and their errors, thread-count independence, one point rerun
// alone with kindest run, and resume after SIGTERM and kill -9.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <thread>

#include "engine/core/errors.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/sweep/grid.hpp"
#include "tests/cli_runner.hpp"
#include "tests/sweep/sweep_checks.hpp"
#include "tests/temp_dir.hpp"

using namespace kindest;
using kindest::testing::check_same_sweep;
using kindest::testing::run_cli;
using kindest::testing::sweep_config;
using kindest::testing::TempDir;

namespace {

std::string message_of(const std::vector<std::string>& vary,
                       const std::vector<std::string>& zip = {}) {
  try {
    sweep::make_grid(vary, zip, "");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

const char* kGrid = " --vary game.benefit=1.5:5:8 --vary match.execution_error_rate=0.001,0.01,0.1";

}  // namespace

TEST_CASE("sweep grid: lists, ranges, zip, Cartesian order", "[sweep]") {
  const auto g = sweep::make_grid(
      {"game.benefit=1:3:5", "match.execution_error_rate=0.001:0.1:3:log"}, {}, "");
  REQUIRE(g.size() == 15);
  CHECK(g.keys() == std::vector<std::string>{"game.benefit", "match.execution_error_rate"});
  CHECK(g.values(0) == std::vector<std::string>{"1", "0.001"});
  CHECK(g.values(1) == std::vector<std::string>{"1", "0.01"});  // last dimension fastest
  CHECK(g.values(4) == std::vector<std::string>{"1.5", "0.01"});
  CHECK(g.values(14) == std::vector<std::string>{"3", "0.1"});
  const auto z = sweep::make_grid({"game.benefit=2,3,4", "game.cost=1,1.5,2", "run.job=analysis"},
                                  {"game.benefit,game.cost"}, "");
  REQUIRE(z.size() == 3);
  CHECK(z.overrides(2) ==
        std::vector<std::string>{"game.benefit=4", "game.cost=2", "run.job=analysis"});
}

TEST_CASE("sweep grid: every bad spec is one message naming it", "[sweep]") {
  CHECK_THAT(message_of({"game.benfit=1,2"}),
             Catch::Contains("unknown key game.benfit") && Catch::Contains("game.benefit"));
  CHECK_THAT(message_of({"game.benefit="}), Catch::Contains("no values for game.benefit"));
  CHECK_THAT(message_of({"game.benefit=1,,2"}), Catch::Contains("empty value"));
  CHECK_THAT(message_of({"game.benefit=3:1:4"}), Catch::Contains("start 3 is greater than stop 1"));
  CHECK_THAT(message_of({"match.execution_error_rate=0,1.5"}),
             Catch::Contains("[match] execution_error_rate = 1.5 is outside [0, 1]") &&
                 Catch::Contains("--vary"));
  CHECK_THAT(message_of({"game.benefit=1,2", "game.benefit=3"}),
             Catch::Contains("game.benefit varies twice"));
  CHECK_THAT(message_of({"run.seed=1,2"}), Catch::Contains("--replicates"));
  CHECK_THAT(message_of({"game.benefit=1,2", "game.cost=1"}, {"game.benefit,game.cost"}),
             Catch::Contains("as many values"));
  CHECK_THAT(message_of({"population.size=2:10:4"}), Catch::Contains("is not an integer"));
}

TEST_CASE("sweep cli: a bad spec fails before any file exists", "[sweep][cli]") {
  TempDir dir;
  const auto config = sweep_config(dir);
  const auto r = run_cli("sweep " + config + " --vary game.benfit=1,2 -o " + dir.file("s.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("did you mean"));
  CHECK_FALSE(std::filesystem::exists(dir.file("s.h5")));
}

TEST_CASE("sweep: the file does not depend on the thread count", "[sweep][cli]") {
  TempDir dir;
  const auto config = sweep_config(dir);
  for (const char* t : {"1", "2", "4"}) {
    const auto r = run_cli("sweep " + config + kGrid + " --replicates 2 -q --threads " + t +
                           " -o " + dir.file(std::string("t") + t + ".h5"));
    REQUIRE(r.code == 0);
  }
  REQUIRE(record::read_numbers(dir.file("t1.h5"), "/sweep/points/seed").size() == 48);
  check_same_sweep(dir.file("t1.h5"), dir.file("t2.h5"));
  check_same_sweep(dir.file("t1.h5"), dir.file("t4.h5"));
}

TEST_CASE("sweep: kindest run of one row's config gives its summary bit for bit", "[sweep][cli]") {
  TempDir dir;
  const auto config = sweep_config(dir);
  REQUIRE(run_cli("sweep " + config + kGrid + " --replicates 2 -q -o " + dir.file("s.h5")).code ==
          0);
  const std::size_t row = 13;
  const auto exported = run_cli("export " + dir.file("s.h5") + " --point-config 13");
  REQUIRE(exported.code == 0);
  const auto ini = dir.write("p.ini", exported.out);
  REQUIRE(run_cli("run " + ini + " -q -o " + dir.file("p.h5")).code == 0);
  const auto single = record::read_numbers(dir.file("p.h5"), "/summary/value");
  const auto rows = record::read_numbers(dir.file("s.h5"), "/sweep/summary/row");
  const auto values = record::read_numbers(dir.file("s.h5"), "/sweep/summary/value");
  std::vector<double> mine;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i] == row) mine.push_back(values[i]);
  REQUIRE(mine.size() == single.size());
  REQUIRE(!mine.empty());
  CHECK(std::memcmp(mine.data(), single.data(), mine.size() * sizeof(double)) == 0);
  // The seed is the one the point ran with, and the value the grid gives row 13 (point 6).
  const auto seeds = record::read_numbers(dir.file("s.h5"), "/sweep/points/seed");
  CHECK_THAT(exported.out,
             Catch::Contains("seed = " + std::to_string(static_cast<std::uint64_t>(seeds[row]))));
  CHECK_THAT(exported.out, Catch::Contains("execution_error_rate = 0.001"));
}

TEST_CASE("sweep: kill -9 or SIGTERM, then --resume, gives the uninterrupted file",
          "[sweep][cli]") {
  TempDir dir;
  const auto config = sweep_config(dir);
  // A commit after every row (flush_seconds = 0), so that kills land between and inside commits.
  // The kills come once 30 % and 70 % of the 360 rows are committed: delays (fixed, then a
  // fraction of the uninterrupted run's time) found the sweep finished on a faster or less
  // loaded machine than they were set on.
  const std::string args = "sweep " + config +
                           " --vary game.benefit=1.5:5:40 --vary "
                           "match.execution_error_rate=0.001,0.01,0.1 --replicates 3 "
                           "--record.flush_seconds=0 -q --threads 2 -o ";
  REQUIRE(run_cli(args + dir.file("whole.h5")).code == 0);
  int interrupted = 0;
  for (int signal : {SIGKILL, SIGTERM}) {
    for (std::uint64_t rows : {108, 252}) {
      INFO("signal " << signal << " once " << rows << " of 360 rows are committed");
      const std::string out = dir.file("cut.h5");
      std::filesystem::remove(out);
      std::filesystem::remove_all(out + ".points");
      const pid_t pid = ::fork();
      if (pid == 0) {
        const std::string cmd =
            std::string("exec ") + KINDEST_CLI + " " + args + out + " >/dev/null 2>&1";
        ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
      }
      CHECK(testing::wait_for_committed_rows(out, rows));
      ::kill(pid, signal);
      int status = 0;
      ::waitpid(pid, &status, 0);
      if (!std::filesystem::exists(out)) continue;  // killed before the file was published
      if (record::read_attributes(out).at("complete") == "0") ++interrupted;
      const auto resumed = run_cli(args + out + " --resume");
      if (resumed.code != 0)
        CHECK_THAT(resumed.err, Catch::Contains("complete"));  // finished first
      check_same_sweep(dir.file("whole.h5"), out);
    }
  }
  CHECK(interrupted >= 2);  // the kills did interrupt sweeps, not find them finished
}
