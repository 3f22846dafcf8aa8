// The evolution job on a graph ([structure]): identical files for 1, 2 and 4 threads, resume
// after an interruption to the uninterrupted file's bits, records consistent with the nodes'
// strategies, and clear errors for graphs the config cannot build.
#include <tbb/global_control.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "engine/config/lists.hpp"
#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/graph_evolution.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "stop_and_resume.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using kindest::testing::check_same_contents;
using kindest::testing::contents;
using kindest::testing::TempDir;

namespace {

config::Config graph_config(std::vector<std::string> extra = {}) {
  std::vector<std::string> o = {"run.job=evolution",           "run.seed=12",
                                "payoffs.source=matrix",       "payoffs.matrix=3,0;5,1",
                                "population.size=100",         "structure.graph=random_regular",
                                "structure.degree=4",          "dynamics.selection_intensity=0.2",
                                "dynamics.mutation_rate=0.01", "dynamics.generations=60",
                                "dynamics.replicates=3",       "record.interval=1"};
  o.insert(o.end(), extra.begin(), extra.end());
  return config::load_config("", o);
}

}  // namespace

TEST_CASE("graph evolution: identical files for 1, 2 and 4 threads",
          "[jobs][evolution][structure]") {
  TempDir dir;
  for (const std::vector<std::string>& rule :
       {std::vector<std::string>{"structure.update=death_birth"},
        {"structure.update=birth_death", "structure.graph=barabasi_albert"},
        {"structure.update=pairwise_imitation", "structure.graph=watts_strogatz",
         "structure.payoffs=averaged"},
        {"structure.update=imitate_best", "structure.graph=square_lattice",
         "population.self_interaction=true"},
        {"structure.update=proportional_imitation", "structure.graph=barabasi_albert"}}) {
    INFO(rule[0]);
    auto with_snapshots = rule;
    with_snapshots.push_back("structure.snapshots=0, 1, 17, 60");
    const auto c = graph_config(with_snapshots);
    std::vector<std::map<std::string, std::vector<unsigned char>>> runs;
    for (int threads : {1, 2, 4}) {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                static_cast<std::size_t>(threads));
      const auto path = dir.file("t" + std::to_string(threads) + ".h5");
      jobs::run_evolution_job(c, testing::resolver(), {.path = path, .overwrite = true});
      runs.push_back(contents(path));
    }
    REQUIRE(runs[0].count("/replicates/r0002/checkpoint/individuals") == 1);
    REQUIRE(runs[0].count("/replicates/r0002/snapshots/strategy") == 1);
    CHECK(runs[1] == runs[0]);
    CHECK(runs[2] == runs[0]);
  }
}

TEST_CASE("graph evolution: an interrupted run resumes to the same bits",
          "[jobs][evolution][structure]") {
  TempDir dir;
  for (const std::vector<std::string>& rule :
       {std::vector<std::string>{"structure.update=death_birth"},
        {"structure.update=imitate_best", "structure.graph=square_lattice",
         "population.self_interaction=true"}}) {
    INFO(rule[0]);
    // Snapshots before, at and after the stops (generations 1, 50 and 130 of 180 in all).
    auto with_snapshots = rule;
    with_snapshots.push_back("structure.snapshots=0, 1, 16, 17, 44, 59, 60");
    const auto c = graph_config(with_snapshots);
    const auto whole = dir.file("whole.h5");
    jobs::run_evolution_job(c, testing::resolver(), {.path = whole, .overwrite = true});
    for (std::uint64_t stop_after : {1u, 50u, 130u}) {
      INFO("stopped after " << stop_after << " generations in all");
      tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
      const auto part = dir.file("part" + std::to_string(stop_after) + ".h5");
      std::atomic<bool> stop{false};
      const auto first = jobs::run_evolution_job(
          c, testing::resolver(), {.path = part, .overwrite = true},
          [&](std::uint64_t done, std::uint64_t) {
            if (done >= stop_after) stop = true;
          },
          &stop);
      CHECK(first.interrupted);
      const auto second =
          jobs::run_evolution_job(c, testing::resolver(), {.path = part, .resume = true});
      CHECK_FALSE(second.interrupted);
      check_same_contents(part, whole);
    }
    CHECK(record::read_numbers(whole, "/replicates/r0002/snapshots/generation") ==
          std::vector<double>{0, 1, 16, 17, 44, 59, 60});
  }
}

TEST_CASE("graph evolution: a stop inside a generation resumes to the same bits",
          "[jobs][evolution][structure][stop]") {
  // 1.21e6 nodes: a generation is 1.21e6 death-birth events, polled every 2^20
  // (core/stop.hpp), so a stop lands inside one. When it lands is up to the clock; the bits are
  // not.
  TempDir dir;
  const auto c = graph_config({"population.size=1210000", "structure.graph=square_lattice",
                               "structure.neighbourhood=von_neumann", "dynamics.generations=2",
                               "dynamics.replicates=1"});
  WARN(testing::check_stopped_runs_resume(c, dir, {250}) << " of 1 run stopped part-way");
}

TEST_CASE("graph evolution: counts agree with the nodes, random graphs differ by replicate",
          "[jobs][evolution][structure]") {
  TempDir dir;
  const auto path = dir.file("g.h5");
  const auto c = graph_config({"population.initial_counts=30,70"});
  const auto out = jobs::run_evolution_job(c, testing::resolver(), {.path = path});
  for (std::size_t r = 0; r < 3; ++r) {
    const std::string group = "/replicates/r000" + std::to_string(r);
    const auto counts = record::read_numbers(path, group + "/counts");
    REQUIRE(counts.size() == 61 * 2);
    CHECK(counts[0] == 30);  // generation 0 is the initial placement
    for (std::size_t t = 0; t < 61; ++t) CHECK(counts[2 * t] + counts[2 * t + 1] == 100);
    const auto nodes = record::read_numbers(path, group + "/checkpoint/individuals");
    REQUIRE(nodes.size() == 100);
    const double c_nodes = double(std::count(nodes.begin(), nodes.end(), 0.0));
    CHECK(c_nodes == counts[2 * 60]);
    CHECK(double(out.final_counts[r][0]) == c_nodes);
  }
  const auto g0 = jobs::graph_from_config(c, 0), g1 = jobs::graph_from_config(c, 1);
  CHECK(g0.min_degree() == 4);
  CHECK_FALSE(g0 == g1);
  CHECK(jobs::graph_from_config(c, 1) == g1);
}

TEST_CASE("graph evolution: snapshots hold the nodes the records count",
          "[jobs][evolution][structure]") {
  TempDir dir;
  const auto path = dir.file("s.h5");
  const std::vector<double> at{0, 3, 4, 59, 60};
  const auto c = graph_config({"structure.snapshots=0, 3, 4, 59, 60", "record.interval=4",
                               "structure.update=pairwise_imitation"});
  jobs::run_evolution_job(c, testing::resolver(), {.path = path});
  for (std::size_t r = 0; r < 3; ++r) {
    INFO("replicate " << r);
    const std::string group = "/replicates/r000" + std::to_string(r);
    REQUIRE(record::read_numbers(path, group + "/snapshots/generation") == at);
    const auto nodes = record::read_numbers(path, group + "/snapshots/strategy");
    const auto counts = record::read_numbers(path, group + "/counts");
    const auto generation = record::read_numbers(path, group + "/generation");
    REQUIRE(nodes.size() == at.size() * 100);
    std::size_t compared = 0;
    for (std::size_t k = 0; k < at.size(); ++k) {
      const auto first = nodes.begin() + std::ptrdiff_t(k * 100);
      const double c_nodes = double(std::count(first, first + 100, 0.0));
      CHECK(double(std::count(first, first + 100, 1.0)) == 100 - c_nodes);
      // Generations 0, 4 and 60 are also records ([record] interval = 4, and the last).
      const auto row = std::find(generation.begin(), generation.end(), at[k]);
      if (row == generation.end()) continue;
      CHECK(counts[2 * std::size_t(row - generation.begin())] == c_nodes);
      ++compared;
    }
    CHECK(compared == 3);
    // The last snapshot is the state the final checkpoint holds.
    const auto last = record::read_numbers(path, group + "/checkpoint/individuals");
    CHECK(std::equal(last.begin(), last.end(), nodes.end() - 100));
  }
}

TEST_CASE("graph evolution: Nowak-May snapshots on a 5 x 5 torus, by hand",
          "[jobs][evolution][structure]") {
  // One defector among 24 cooperators, wherever the placement puts it: with b = 1.5 > 9/8 it
  // takes the 3 x 3 block around it in one step (tests/structure/test_graph_population.cpp
  // computes the payoffs); with b = 1.1 < 9/8 nothing changes.
  TempDir dir;
  for (const double b : {1.1, 1.5}) {
    INFO("b = " << b);
    const auto path = dir.file("nm.h5");
    const auto c = config::load_config(
        "", {"run.job=evolution", "run.seed=3", "payoffs.source=matrix",
             "payoffs.matrix=1,0;" + config::number_text(b) + ",0", "population.size=25",
             "population.initial_counts=24,1", "population.self_interaction=true",
             "structure.graph=square_lattice", "structure.neighbourhood=moore",
             "structure.update=imitate_best", "dynamics.mutation_rate=0", "dynamics.generations=3",
             "dynamics.replicates=2", "structure.snapshots=0, 1"});
    jobs::run_evolution_job(c, testing::resolver(), {.path = path, .overwrite = true});
    for (const char* group : {"/replicates/r0000", "/replicates/r0001"}) {
      const auto nodes = record::read_numbers(path, std::string(group) + "/snapshots/strategy");
      REQUIRE(nodes.size() == 50);
      const auto d = std::size_t(std::find(nodes.begin(), nodes.begin() + 25, 1.0) - nodes.begin());
      REQUIRE(d < 25);
      CHECK(std::count(nodes.begin(), nodes.begin() + 25, 1.0) == 1);
      for (std::size_t v = 0; v < 25; ++v) {
        // Torus distance of v from the defector along rows and columns.
        const auto gap = [](std::size_t x, std::size_t y) {
          const std::size_t g = x > y ? x - y : y - x;
          return std::min(g, 5 - g);
        };
        const bool block = gap(v / 5, d / 5) <= 1 && gap(v % 5, d % 5) <= 1;
        INFO("node " << v << ", defector at " << d);
        CHECK(nodes[25 + v] == (b > 1.125 ? (block ? 1.0 : 0.0) : nodes[v]));
      }
    }
  }
}

TEST_CASE("graph evolution: bad snapshot lists are clear errors", "[jobs][evolution][structure]") {
  TempDir dir;
  const auto run = [&](std::vector<std::string> o) {
    jobs::run_evolution_job(graph_config(std::move(o)), testing::resolver(),
                            {.path = dir.file("bad.h5"), .overwrite = true});
  };
  CHECK_THROWS_WITH(run({"structure.snapshots=0, 10, 10"}),
                    Catch::Contains("[structure] snapshots = 0, 10, 10: 10 after 10 is not "
                                    "increasing") &&
                        Catch::Contains("increasing generations in [0, 60]"));
  CHECK_THROWS_WITH(run({"structure.snapshots=61"}),
                    Catch::Contains("'61' is not a generation of the run"));
  CHECK_THROWS_WITH(run({"structure.snapshots=2.5"}),
                    Catch::Contains("'2.5' is not a generation of the run"));
  CHECK_THROWS_WITH(run({"structure.snapshots=ten"}),
                    Catch::Contains("[structure] snapshots: 'ten' is not a number"));
  CHECK_THROWS_WITH(run({"structure.snapshots=1", "structure.graph=well_mixed"}),
                    Catch::Contains("[structure] snapshots = 1 records the nodes of a graph") &&
                        Catch::Contains("allowed value is none"));
  CHECK_FALSE(std::filesystem::exists(dir.file("bad.h5")));
}

TEST_CASE("graph evolution: graphs the config cannot build are clear errors",
          "[jobs][evolution][structure]") {
  TempDir dir;
  const auto run = [&](std::vector<std::string> o) {
    jobs::run_evolution_job(graph_config(std::move(o)), testing::resolver(),
                            {.path = dir.file("bad.h5"), .overwrite = true});
  };
  CHECK_THROWS_WITH(
      run({"structure.graph=square_lattice", "population.size=99"}),
      Catch::Contains("[population] size = 99 is not a square") && Catch::Contains("81 or 100"));
  CHECK_THROWS_WITH(run({"structure.degree=100"}),
                    Catch::Contains("[structure] degree = 100 must be < n = 100"));
  CHECK_THROWS_WITH(run({"structure.degree=3", "population.size=101"}),
                    Catch::Contains("[structure] degree = 3") && Catch::Contains("must be even"));
  CHECK_THROWS_WITH(run({"structure.graph=barabasi_albert", "structure.degree=3"}),
                    Catch::Contains("must be even for barabasi_albert"));
  CHECK_THROWS_WITH(run({"payoffs.source=public_goods"}),
                    Catch::Contains("plays a pairwise payoff matrix on the edges"));
  CHECK_THROWS_WITH(run({"structure.graph=edge_list"}), Catch::Contains("needs [structure] file"));
  const auto edges = dir.file("triangle.edges");
  std::ofstream(edges) << "0 1\n1 2\n2 0\n";
  CHECK_THROWS_WITH(run({"structure.graph=edge_list", "structure.file=" + edges}),
                    Catch::Contains("has 3 nodes but [population] size = 100"));
  std::ofstream(edges) << "0 1\n1 3\n";
  CHECK_THROWS_WITH(
      run({"structure.graph=edge_list", "structure.file=" + edges, "population.size=4"}),
      Catch::Contains("node 2 is on no edge"));
  CHECK_THROWS_WITH(
      run({"structure.update=death_birth", "dynamics.selection_intensity=2"}),
      Catch::Contains("[dynamics] selection_intensity = 2") && Catch::Contains("non-positive"));
}
