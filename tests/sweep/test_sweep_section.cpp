// The [sweep] section of a config file: its lines, its errors (file, line, key, value, allowed),
// how the command line adds to and overrides it, and that it gives the very sweep the same
// specs on the command line give.
#include <catch2/catch.hpp>
#include <filesystem>

#include "engine/core/errors.hpp"
#include "engine/sweep/sweep_section.hpp"
#include "tests/cli_runner.hpp"
#include "tests/sweep/sweep_checks.hpp"
#include "tests/temp_dir.hpp"

using namespace kindest;
using kindest::testing::check_same_sweep;
using kindest::testing::run_cli;
using kindest::testing::TempDir;

namespace {

std::string section_error(const std::string& text) {
  try {
    sweep::read_sweep_section(text, "dir/x.ini");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("sweep section: its lines, taken out of the config text", "[sweep]") {
  const std::string text =
      "[run]\njob = analysis\n[sweep]\n# the grid\nvary = game.benefit=1,2  # b\n"
      "vary = match.execution_error_rate=0.001,\n  0.01\nzip = game.benefit,game.cost\n"
      "points = p.csv\nreplicates = 3\n[game]\nbenefit = 3\n";
  const auto s = sweep::read_sweep_section(text, "dir/x.ini");
  // The model's lines stay where they were; the sweep's are blank (line numbers kept).
  CHECK(s.config_text == "[run]\njob = analysis\n\n\n\n\n\n\n\n\n[game]\nbenefit = 3\n");
  REQUIRE(s.vary.size() == 2);
  CHECK(s.vary[0].text == "game.benefit=1,2");
  CHECK(s.vary[1].text == "match.execution_error_rate=0.001, 0.01");  // continued line
  CHECK_THAT(s.vary[0].source, Catch::Contains("[sweep] vary") && Catch::Contains("dir/x.ini") &&
                                   Catch::Contains("line 5"));
  REQUIRE(s.zip.size() == 1);
  CHECK(s.zip[0].text == "game.benefit,game.cost");
  CHECK(s.points.text == (std::filesystem::path("dir") / "p.csv").string());  // beside the file
  CHECK(s.replicates == 3u);
  // No section: the text as it was, nothing to sweep.
  const auto none = sweep::read_sweep_section("[run]\njob = analysis\n", "y.ini");
  CHECK(none.config_text == "[run]\njob = analysis\n");
  CHECK(none.vary.empty());
  CHECK_FALSE(none.replicates);
}

TEST_CASE("sweep section: every bad line is one message naming file, line and key", "[sweep]") {
  CHECK_THAT(section_error("[sweep]\nvarry = game.benefit=1,2\n"),
             Catch::Contains("[sweep] varry") && Catch::Contains("allowed: vary, zip") &&
                 Catch::Contains("dir/x.ini, line 2"));
  CHECK_THAT(section_error("[sweep]\nvary =\n"), Catch::Contains("is empty"));
  CHECK_THAT(section_error("[sweep]\nreplicates = 0\n"),
             Catch::Contains("[sweep] replicates = 0 is outside [1, 2^32)"));
  CHECK_THAT(section_error("[sweep]\nreplicates = two\n"), Catch::Contains("outside [1, 2^32)"));
  CHECK_THAT(section_error("[sweep]\nreplicates = 1\nreplicates = 2\n"),
             Catch::Contains("second replicates"));
  CHECK_THAT(section_error("[sweep]\njust words\n"), Catch::Contains("is not key = value"));
  // A bad value in a vary line is found by make_grid, which names the line.
  const auto s =
      sweep::read_sweep_section("[sweep]\nvary = match.execution_error_rate=0,1.5\n", "dir/x.ini");
  try {
    sweep::make_grid(s.vary, s.zip, s.points);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK_THAT(e.what(), Catch::Contains("execution_error_rate = 1.5 is outside [0, 1]") &&
                             Catch::Contains("dir/x.ini, line 2"));
  }
}

TEST_CASE("sweep section: the command line replaces a key's line in place and adds the rest",
          "[sweep]") {
  auto s = sweep::read_sweep_section(
      "[sweep]\nvary = game.benefit=1,2\nvary = game.cost=1\nreplicates = 3\n", "x.ini");
  const auto m = sweep::merge_command_line(
      s, {"match.execution_error_rate=0.1", "game.benefit=5,6,7"}, {}, "", std::nullopt);
  REQUIRE(m.vary.size() == 3);
  CHECK(m.vary[0].text == "game.benefit=5,6,7");  // the section's first dimension, replaced
  CHECK(m.vary[0].source.empty());                // and its messages name the command line
  CHECK(m.vary[1].text == "game.cost=1");
  CHECK(m.vary[2].text == "match.execution_error_rate=0.1");
  CHECK(m.replicates == 3u);
  CHECK(sweep::merge_command_line(s, {}, {}, "", 5).replicates == 5u);
  const auto g = sweep::make_grid(m.vary, m.zip, m.points);
  CHECK(g.keys() ==
        std::vector<std::string>{"game.benefit", "game.cost", "match.execution_error_rate"});
  CHECK(g.size() == 3);
}

TEST_CASE("sweep section: one file and one command give the command-line sweep's bits",
          "[sweep][cli]") {
  TempDir dir;
  const auto base = kindest::testing::sweep_config(dir);
  REQUIRE(run_cli("sweep " + base +
                  " --vary game.benefit=1.5:5:4 --vary match.execution_error_rate=0.001,0.1 "
                  "--replicates 2 -q -o " +
                  dir.file("cli.h5"))
              .code == 0);
  const auto with_section =
      dir.write("section.ini", kindest::testing::slurp(base) +
                                   "[sweep]\nvary = game.benefit=1.5:5:4\n"
                                   "vary = match.execution_error_rate=0.001,0.1\nreplicates = 2\n");
  REQUIRE(run_cli("sweep " + with_section + " -q -o " + dir.file("section.h5")).code == 0);
  check_same_sweep(dir.file("cli.h5"), dir.file("section.h5"));
  // The stored base config has no [sweep]: a row's exported config runs as it is.
  const auto exported = run_cli("export " + dir.file("section.h5") + " --point-config 3");
  REQUIRE(exported.code == 0);
  CHECK(exported.out.find("[sweep]") == std::string::npos);
  // kindest run refuses the grid, saying whose it is.
  const auto run = run_cli("run " + with_section + " -q -o " + dir.file("run.h5"));
  CHECK(run.code == 2);
  CHECK_THAT(run.err, Catch::Contains("[sweep] vary") && Catch::Contains("kindest sweep"));
  // A bad line fails before any file exists, naming the file and line.
  const auto bad =
      dir.write("bad.ini", kindest::testing::slurp(base) + "[sweep]\nvary = game.benfit=1,2\n");
  const auto r = run_cli("sweep " + bad + " -q -o " + dir.file("bad.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("did you mean") && Catch::Contains("bad.ini, line 19"));
  CHECK_FALSE(std::filesystem::exists(dir.file("bad.h5")));
}
