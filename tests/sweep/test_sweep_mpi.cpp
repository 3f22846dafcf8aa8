// kindest sweep over MPI ranks (mpirun, Open MPI): the file is the same bits for any number of
// threads and ranks, a row's message survives the trip to rank 0, and kill -9 of one rank or of
// all, then --resume (on another rank count), gives the uninterrupted file.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "engine/core/errors.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/sweep/row_message.hpp"
#include "tests/cli_runner.hpp"
#include "tests/sweep/sweep_checks.hpp"
#include "tests/temp_dir.hpp"

using namespace kindest;
using kindest::testing::check_same_sweep;
using kindest::testing::run_cli;
using kindest::testing::sweep_config;
using kindest::testing::TempDir;

TEST_CASE("sweep row message: every field and value arrives as sent", "[sweep]") {
  sweep::PointRow row{.point = 123456789012ULL,
                      .replicate = 7,
                      .seed = 0xfedcba9876543210ULL,
                      .status = sweep::PointStatus::done,
                      .wall_seconds = 0.1 + 0.2};
  row.summary.tables.push_back(
      {.name = "stationary",
       .rows = {"ALLC", "ALLD", ""},
       .columns = {{.measure = "probability", .values = {0.25, -0.0, 1e-300}},
                   {.measure = "nan", .values = {std::nan(""), 1, 2}}}});
  row.summary.tables.push_back({.name = "printed_only", .rows = {"x"}, .stored = false});
  const auto back = sweep::decode_row(sweep::encode_row(row));
  CHECK(back.point == row.point);
  CHECK(back.replicate == 7);
  CHECK(back.seed == row.seed);
  CHECK(back.status == sweep::PointStatus::done);
  CHECK(std::memcmp(&back.wall_seconds, &row.wall_seconds, sizeof(double)) == 0);
  REQUIRE(back.summary.tables.size() == 1);  // only stored tables reach the file
  const auto& t = back.summary.tables[0];
  CHECK(t.name == "stationary");
  CHECK(t.rows == row.summary.tables[0].rows);
  REQUIRE(t.columns.size() == 2);
  CHECK(t.columns[1].measure == "nan");
  for (std::size_t c = 0; c < 2; ++c)
    CHECK(std::memcmp(t.columns[c].values.data(), row.summary.tables[0].columns[c].values.data(),
                      3 * sizeof(double)) == 0);  // bits: -0, NaN and subnormals too
  sweep::PointRow failed{.point = 1, .status = sweep::PointStatus::failed, .error = "config: x"};
  CHECK(sweep::decode_row(sweep::encode_row(failed)).error == "config: x");
  auto bytes = sweep::encode_row(row);
  CHECK_THROWS_AS(sweep::decode_row(bytes.substr(0, bytes.size() - 1)), FileError);
  CHECK_THROWS_AS(sweep::decode_row(bytes + "x"), FileError);
}

#ifdef KINDEST_MPIEXEC

namespace {

// As root in a container without a network: shared memory between local ranks only, and as
// many ranks as asked whatever the cores. --bind-to none: a rank's threads may use every core.
std::string mpirun(int ranks) {
  return std::string(KINDEST_MPIEXEC) +
         " --allow-run-as-root --oversubscribe --bind-to none --mca btl self,vader -n " +
         std::to_string(ranks) + " " + KINDEST_CLI + " ";
}

kindest::testing::CliResult run_mpi(int ranks, const std::string& args) {
  return kindest::testing::run_command(mpirun(ranks) + args);
}

// Direct children of `pid` (mpirun's are its ranks, in rank order of their start).
std::vector<pid_t> children_of(pid_t pid) {
  std::vector<pid_t> out;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const auto name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    const auto close = line.rfind(')');  // the command may hold spaces
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 2));
    char state = 0;
    pid_t parent = 0;
    rest >> state >> parent;
    if (parent == pid) out.push_back(static_cast<pid_t>(std::stoi(name)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("sweep mpi: the file does not depend on threads or ranks", "[sweep][mpi][cli]") {
  TempDir dir;
  const auto config = sweep_config(dir);
  const std::string args = "sweep " + config +
                           " --vary game.benefit=1.5:5:8 --vary "
                           "match.execution_error_rate=0.001,0.01,0.1 --replicates 2 -q ";
  REQUIRE(run_cli(args + "--threads 1 -o " + dir.file("t1.h5")).code == 0);
  REQUIRE(run_cli(args + "--threads 2 -o " + dir.file("t2.h5")).code == 0);
  for (int n : {1, 2, 3}) {
    INFO(n << " ranks");
    const auto out = dir.file("m" + std::to_string(n) + ".h5");
    const auto r = run_mpi(n, args + "--threads 1 -o " + out);
    INFO(r.err);
    REQUIRE(r.code == 0);
    check_same_sweep(dir.file("t1.h5"), out);
  }
  const auto r = run_mpi(2, args + "--threads 2 -o " + dir.file("m2t2.h5"));
  REQUIRE(r.code == 0);
  REQUIRE(record::read_numbers(dir.file("t1.h5"), "/sweep/points/seed").size() == 48);
  check_same_sweep(dir.file("t1.h5"), dir.file("t2.h5"));
  check_same_sweep(dir.file("t1.h5"), dir.file("m2t2.h5"));
}

TEST_CASE("sweep mpi: an error is one message, from rank 0, before anything runs",
          "[sweep][mpi][cli]") {
  TempDir dir;
  const auto config = sweep_config(dir);
  const auto r = run_mpi(
      2, "sweep " + config + " --vary game.benefit=1,2 -q --resume -o " + dir.file("none.h5"));
  CHECK(r.code != 0);
  CHECK_THAT(r.err, Catch::Contains("none.h5"));
  // Rank 0 alone speaks: the message once.
  const auto first = r.err.find("kindest:");
  REQUIRE(first != std::string::npos);
  CHECK(r.err.find("kindest:", first + 1) == std::string::npos);
}

TEST_CASE("sweep mpi: kill -9 of one rank or of all, then --resume, gives the uninterrupted file",
          "[sweep][mpi][cli]") {
  TempDir dir;
  const auto config = sweep_config(dir);
  // A commit after every row, so that kills land between and inside commits. The kills come
  // once 60 of the 360 rows are committed: delays (fixed, then a fraction of the one-process
  // run's time) found the sweep finished on a faster or less loaded machine.
  const std::string args = "sweep " + config +
                           " --vary game.benefit=1.5:5:40 --vary "
                           "match.execution_error_rate=0.001,0.01,0.1 --replicates 3 "
                           "--record.flush_seconds=0 -q --threads 1 -o ";
  REQUIRE(run_cli(args + dir.file("whole.h5")).code == 0);
  int interrupted = 0;
  // Which ranks die: the writer, another rank, everything (mpirun too).
  for (const char* victim : {"rank1", "rank0", "all"}) {
    INFO("kill -9 of " << victim);
    const std::string out = dir.file("cut.h5");
    std::filesystem::remove(out);
    std::filesystem::remove_all(out + ".points");
    const pid_t pid = ::fork();
    if (pid == 0) {
      const std::string cmd = "exec " + mpirun(2) + args + out + " >/dev/null 2>&1";
      ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    CHECK(testing::wait_for_committed_rows(out, 60));
    const auto ranks = children_of(pid);
    CHECK(ranks.size() == 2);
    if (std::string(victim) == "all") {
      for (pid_t r : ranks) ::kill(r, SIGKILL);
      ::kill(pid, SIGKILL);
    } else if (ranks.size() == 2) {
      ::kill(ranks[std::string(victim) == "rank0" ? 0 : 1], SIGKILL);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    // mpirun gone, its orphaned ranks (if any) end when they lose it; wait for them.
    for (int i = 0; i < 400; ++i) {
      bool alive = false;
      for (pid_t r : ranks) alive = alive || ::kill(r, 0) == 0;
      if (!alive) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    REQUIRE(std::filesystem::exists(out));
    if (record::read_attributes(out).at("complete") == "0") ++interrupted;
    // Resumed on three ranks: the rank count is no part of the result either.
    const auto resumed = run_mpi(3, args + out + " --resume");
    if (resumed.code != 0) CHECK_THAT(resumed.err, Catch::Contains("complete"));
    check_same_sweep(dir.file("whole.h5"), out);
  }
  CHECK(interrupted >= 2);  // the kills did interrupt sweeps, not find them finished
}

#endif
