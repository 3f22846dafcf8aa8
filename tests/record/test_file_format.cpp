// One source for the file format: docs/FORMAT.md's dataset tables are the specs in
// engine/record/file_format.cpp, and every dataset every job writes is in those tables with the
// units, description and dtype the file carries.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "engine/config/load.hpp"
#include "engine/jobs/analysis_job.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/invasion_job.hpp"
#include "engine/jobs/replicator_job.hpp"
#include "engine/jobs/reputation_job.hpp"
#include "engine/jobs/tournament_job.hpp"
#include "engine/record/file_format.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "strategies/registry.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using kindest::testing::TempDir;

namespace {

std::string format_doc() {
  std::ifstream in(std::string(KINDEST_SOURCE_DIR) + "/docs/FORMAT.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Row {
  std::regex path;
  std::string pattern, shape, dtype, units, meaning;
};

// The rows of every generated table, parsed back from the markdown.
std::vector<Row> documented() {
  std::vector<Row> rows;
  for (const auto& name : record::format_table_names()) {
    std::istringstream in(record::format_table(name));
    std::string line;
    std::getline(in, line);
    CHECK(line == "| path | shape | dtype | units | meaning |");
    std::getline(in, line);
    while (std::getline(in, line)) {
      std::vector<std::string> cells;
      std::size_t at = 1;
      for (std::size_t bar; (bar = line.find(" |", at)) != std::string::npos; at = bar + 2)
        cells.push_back(line.substr(at + 1, bar - at - 1));
      REQUIRE(cells.size() == 5);
      const std::string re = std::regex_replace(cells[0], std::regex("rNNNN"), "r[0-9]{4,}");
      rows.push_back({std::regex(re), cells[0], cells[1], cells[2], cells[3], cells[4]});
    }
  }
  return rows;
}

}  // namespace

TEST_CASE("format: docs/FORMAT.md's tables are generated from the specs", "[record][docs]") {
  const std::string doc = format_doc();
  for (const auto& name : record::format_table_names())
    CHECK_THAT(doc, Catch::Matchers::Contains("<!-- generated: " + name + " -->"));
  // regenerate: build/tests/kindest_format_doc docs/FORMAT.md
  CHECK(doc == record::format_markdown(doc));
}

TEST_CASE("format: generation replaces only what lies between the markers", "[record][docs]") {
  const std::string doc =
      "intro\n<!-- generated: analysis -->\nstale\n<!-- end generated -->\noutro\n";
  const std::string out = record::format_markdown(doc);
  CHECK(out == "intro\n<!-- generated: analysis -->\n" + record::format_table("analysis") +
                   "<!-- end generated -->\noutro\n");
  CHECK(record::format_markdown(out) == out);
  CHECK_THROWS_AS(record::format_markdown("<!-- generated: nope -->\n<!-- end generated -->"),
                  std::invalid_argument);
  CHECK_THROWS_AS(record::format_markdown("<!-- generated: analysis -->\n"), std::invalid_argument);
  CHECK_THAT(record::format_table("replicates"),
             Catch::Matchers::Contains("| /replicates/rNNNN/counts | (T, S) | uint32 | "
                                       "individuals |"));
}

TEST_CASE("format: every dataset of every job is documented as written", "[record][docs]") {
  TempDir dir;
  const auto rows = documented();
  const auto check_file = [&](const std::string& path) {
    for (const auto& d : record::describe_file(path).datasets) {
      INFO(path << ": " << d.path);
      const Row* match = nullptr;
      for (const auto& r : rows)
        if (std::regex_match(d.path, r.path)) match = &r;
      REQUIRE(match != nullptr);
      CHECK(d.units == match->units);
      CHECK(d.description == match->meaning);
      CHECK((d.dtype == "string" ? "UTF-8 string" : d.dtype) == match->dtype);
      // As many axes as the symbolic shape: "(T, S)" has one comma, "(T,)" has a trailing one.
      const auto commas =
          static_cast<std::size_t>(std::count(match->shape.begin(), match->shape.end(), ','));
      const bool one_axis = match->shape.find(",)") != std::string::npos;
      CHECK(d.shape.size() == (one_axis ? 1 : commas + 1));
    }
  };
  const auto run = [](std::vector<std::string> o) { return config::load_config("", o); };
  jobs::run_tournament_job(
      run({"run.job=tournament", "tournament.players=TFT, ALLD", "match.turns=5"}),
      testing::resolver(), {.path = dir.file("t.h5")});
  check_file(dir.file("t.h5"));
  jobs::run_analysis_job(run({"run.job=analysis"}), testing::resolver(),
                         {.path = dir.file("a.h5")});
  check_file(dir.file("a.h5"));
  jobs::run_analysis_job(
      run({"run.job=analysis", "payoffs.source=reputation", "game.type=donation_game",
           "population.size=8", "population.strategies=L1, ALLD", "reputation.norm=L1",
           "reputation.burn_in=1", "reputation.window=3"}),
      testing::resolver(), {.path = dir.file("ar.h5")});
  check_file(dir.file("ar.h5"));
  jobs::run_evolution_job(
      run({"run.job=evolution", "dynamics.generations=3", "dynamics.replicates=2"}),
      testing::resolver(), {.path = dir.file("e.h5")});
  check_file(dir.file("e.h5"));
  jobs::run_replicator_job(run({"run.job=replicator", "replicator.time=2"}), testing::resolver(),
                           {.path = dir.file("r.h5")});
  check_file(dir.file("r.h5"));
  jobs::run_invasion_job(
      run({"run.job=invasion", "invasion.generations=50", "invasion.replicates=2"}),
      {.path = dir.file("i.h5")});
  check_file(dir.file("i.h5"));
  jobs::run_reputation_job(
      run({"run.job=reputation", "game.type=donation_game", "population.strategies=L1, L8",
           "reputation.burn_in=2", "reputation.window=3", "reputation.replicates=2"}),
      {.path = dir.file("rep.h5")});
  check_file(dir.file("rep.h5"));
}
