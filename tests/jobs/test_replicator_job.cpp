#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/config/load.hpp"
#include "engine/jobs/replicator_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "strategies/registry.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using kindest::testing::TempDir;

TEST_CASE("replicator job: rock-paper-scissors keeps x1 x2 x3 on file", "[jobs][replicator]") {
  TempDir dir;
  const auto c =
      config::load_config("", {"run.job=replicator", "payoffs.matrix=0,-1,1;1,0,-1;-1,1,0",
                               "replicator.initial_frequencies=0.5,0.3,0.2", "replicator.time=50",
                               "replicator.record_interval=0.5"});
  jobs::run_replicator_job(c, testing::resolver(), {.path = dir.file("rps.h5")});
  const auto x = record::read_numbers(dir.file("rps.h5"), "/replicator/frequencies");
  const auto t = record::read_numbers(dir.file("rps.h5"), "/replicator/time");
  REQUIRE(t.size() == 101);
  CHECK(t.back() == 50);
  for (std::size_t k = 0; k < t.size(); ++k)
    CHECK(std::abs(x[3 * k] * x[3 * k + 1] * x[3 * k + 2] - 0.03) < 1e-8);
}

TEST_CASE("replicator job: Hawk-Dove settles at V/C, the ecological map keeps the PD's all-D end",
          "[jobs][replicator]") {
  TempDir dir;
  // Hawk-Dove with V = 2, C = 3: hawks (row 0) at V/C = 2/3.
  auto c = config::load_config("", {"run.job=replicator", "payoffs.matrix=-0.5,2;0,1",
                                    "replicator.time=200", "replicator.record_interval=200"});
  auto r = jobs::run_replicator_job(c, testing::resolver(), {.path = dir.file("hd.h5")});
  CHECK(std::abs(r.frequencies.back()[0] - 2.0 / 3) < 1e-6);
  c = config::load_config("", {"run.job=replicator", "replicator.map=ecological",
                               "replicator.time=60", "replicator.record_interval=7"});
  r = jobs::run_replicator_job(c, testing::resolver(), {.path = dir.file("eco.h5")});
  CHECK(record::read_numbers(dir.file("eco.h5"), "/replicator/time") ==
        std::vector<double>{0, 7, 14, 21, 28, 35, 42, 49, 56, 60});
  CHECK(r.time == std::vector<double>{0, 60});  // the outcome: first and last record
  CHECK(r.frequencies.back()[1] > 0.999);       // D (the default matrix's second strategy)
  const auto coop = record::read_numbers(dir.file("eco.h5"), "/replicator/cooperation_rate");
  CHECK(std::abs(coop[0] - 0.5) < 1e-12);  // C players cooperate always: x.Cx = x_C = 1/2
}

TEST_CASE("replicator job: a long ecological map streams to the file, not into memory",
          "[jobs][replicator]") {
  // It kept every generation (230 MB at 4e6 generations): 2e6 generations of two strategies
  // took over 100 MB, and the outcome held all of them.
  TempDir dir;
  const auto c = config::load_config(
      "", {"run.job=replicator", "replicator.map=ecological", "replicator.time=2000000",
           "replicator.record_interval=1000", "payoffs.matrix=3,0;5,1"});
  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  const auto r = jobs::run_replicator_job(c, testing::resolver(), {.path = dir.file("long.h5")});
  rusage after{};
  getrusage(RUSAGE_SELF, &after);
  CHECK(r.time == std::vector<double>{0, 2000000});
  CHECK(after.ru_maxrss - before.ru_maxrss < 40 * 1024);  // kB
  const auto t = record::read_numbers(dir.file("long.h5"), "/replicator/time");
  REQUIRE(t.size() == 2001);
  CHECK(t[1234] == 1234000);
  const auto x = record::read_numbers(dir.file("long.h5"), "/replicator/frequencies");
  CHECK(x[2 * 2000] == r.frequencies.back()[0]);
}
