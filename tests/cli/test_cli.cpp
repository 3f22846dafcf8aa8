#include <catch2/catch.hpp>
#include <filesystem>

#include "cli_runner.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "strategies/registry.hpp"

using namespace kindest::testing;
using Catch::Matchers::Contains;
namespace record = kindest::record;

namespace {
const std::string kSmall = "tournament --players TitForTat,Defector --turns 10 --repetitions 2 -q";
}

TEST_CASE("cli: help teaches, unknown commands and options suggest", "[cli]") {
  auto r = run_cli("--help");
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Contains("kindest run CONFIG.ini") && Contains("Examples:"));
  r = run_cli("tournement");
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("did you mean 'tournament'"));
  r = run_cli("tournament --players TitForTat --repetition 3");
  CHECK(r.code == 2);
  CHECK_THAT(r.err,
             Contains("unknown option '--repetition'") && Contains("did you mean '--repetitions'"));
  CHECK(run_cli("run --help").code == 0);
}

TEST_CASE("cli: an unknown strategy lists the closest names", "[cli][bad-input]") {
  TempDir dir;
  const auto r = run_cli("tournament --players TitForTatt,Defector -q -o " + dir.file("x.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err,
             Contains("unknown strategy 'TitForTatt'") && Contains("did you mean 'TitForTat'"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one clear line
  CHECK_FALSE(std::filesystem::exists(dir.file("x.h5")));
}

TEST_CASE("cli: an existing output is not overwritten without --force", "[cli][bad-input]") {
  TempDir dir;
  const auto out = dir.write("x.h5", "precious");
  auto r = run_cli(kSmall + " -o " + out);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Contains("exists; use --force"));
  CHECK(slurp(out) == "precious");
  r = run_cli(kSmall + " --force -o " + out);
  CHECK(r.code == 0);
  CHECK(record::describe_file(out).attributes.at("complete") == "1");
}

TEST_CASE("cli: unwritable outputs, bad probabilities and malformed INI fail clearly",
          "[cli][bad-input]") {
  TempDir dir;
  auto r = run_cli(kSmall + " -o " + dir.file("no/such/dir/x.h5"));
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Contains("does not exist"));
  r = run_cli(kSmall + " -o " + dir.file(""));
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Contains("is a directory"));
  r = run_cli(kSmall + " --noise 1.5 -o " + dir.file("y.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("execution_error_rate = 1.5 is outside [0, 1]"));
  const auto ini = dir.write("bad.ini", "[tournament]\nplayers = TitForTat\nrepetitions: 3\n");
  r = run_cli("run " + ini);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("bad.ini:3: expected '[section]' or 'key = value'"));
  const auto typo = dir.write("typo.ini", "[tournament]\nplayers = TitForTat\nrepetitons = 3\n");
  r = run_cli("run " + typo);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("did you mean 'tournament.repetitions'"));
}

TEST_CASE("cli: a bad config path, a wrapped number or non-UTF-8 text fails clearly",
          "[cli][bad-input]") {
  TempDir dir;
  // Issue 8: a directory was read as an empty config and the run wrote results.h5.
  std::filesystem::create_directory(dir.file("results"));
  auto r = run_cli("run " + dir.file("results") + " --run.job=analysis -o " + dir.file("r.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("is a directory, not a config file"));
  CHECK_FALSE(std::filesystem::exists(dir.file("r.h5")));
  r = run_cli("run " + dir.file("missing.ini"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("cannot read config file") && Contains("No such file or directory"));
  std::filesystem::create_symlink(dir.file("gone.ini"), dir.file("link.ini"));
  r = run_cli("run " + dir.file("link.ini"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("symbolic link") && Contains("does not exist"));
  const auto ini = dir.write("t.ini", "[tournament]\nplayers = TitForTat, Defector\n");
  r = run_cli("run " + ini + " --run.seed=-1 -o " + dir.file("s.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("[run] seed = -1 is outside [0, 9007199254740992] (on the command "
                             "line)"));
  const auto latin1 = dir.write("l.ini", "[run]\njob = analysis\n[payoffs]\nlabels = C, D\xe9\n");
  r = run_cli("run " + latin1 + " -o " + dir.file("l.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("[payoffs] labels is not valid UTF-8"));
  CHECK_FALSE(std::filesystem::exists(dir.file("l.h5")));
  // Model errors name the key that set the parameter (they were "internal error" or keyless).
  const auto eco = dir.write("e.ini",
                             "[run]\njob = replicator\n[payoffs]\nmatrix = 3,-5;5,1\n"
                             "[replicator]\nmap = ecological\n");
  r = run_cli("run " + eco + " -q -o " + dir.file("e.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("config error: [payoffs] matrix = 3,-5;5,1 (payoff (0, 1) = -5) is "
                             "outside [0, inf)") &&
                        Contains("(in " + eco + ")"));
  const auto moran =
      dir.write("m.ini",
                "[run]\njob = evolution\n[payoffs]\nmatrix = 3,-5;5,1\n"
                "[dynamics]\nprocess = moran_birth_death\nselection_intensity = 0.5\n");
  r = run_cli("run " + moran + " -q -o " + dir.file("m.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("config error: [dynamics] selection_intensity = 0.5 makes linear "
                             "fitness") &&
                        Contains("use w < 0.16666666666666666"));
}

TEST_CASE("cli: HDF5 datasets are identical for 1, 2 and 4 threads", "[cli][tournament]") {
  TempDir dir;
  const std::string base =
      "tournament -q --players TitForTat,Random,GTFT,FirstByJoss,WinStayLoseShift,Defector "
      "--turns 50 --repetitions 10 --noise 0.05 --seed 7";
  for (int t : {1, 2, 4})
    REQUIRE(run_cli(base + " --threads " + std::to_string(t) + " -o " +
                    dir.file(std::to_string(t) + ".h5"))
                .code == 0);
  const auto summary = record::describe_file(dir.file("1.h5"));
  REQUIRE(summary.datasets.size() >= 8);
  for (const auto& d : summary.datasets) {
    INFO(d.path);
    const auto one = record::read_raw(dir.file("1.h5"), d.path);
    CHECK(record::read_raw(dir.file("2.h5"), d.path) == one);
    CHECK(record::read_raw(dir.file("4.h5"), d.path) == one);
  }
}

TEST_CASE("cli: run prints the ranking, the file holds config and provenance", "[cli]") {
  TempDir dir;
  const auto ini = dir.write("small.ini",
                             "[tournament]\nplayers = Cooperator, TitForTat, Defector\n"
                             "repetitions = 1\nself_play = false\n[match]\nturns = 10\n");
  auto r = run_cli("run " + ini + " --run.seed=5 -q -o " + dir.file("s.h5"));
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Contains("Defector") && Contains("Results written to"));
  const auto s = record::describe_file(dir.file("s.h5"));
  CHECK(s.attributes.at("format_name") == "kindest.results");
  CHECK(s.attributes.at("seed") == "5");
  CHECK(s.attributes.at("complete") == "1");
  CHECK_FALSE(s.attributes.at("git_hash").empty());
  CHECK_THAT(s.attributes.at("config"), Contains("seed = 5") && Contains("players = Cooperator"));
  CHECK(record::read_strings(dir.file("s.h5"), "/tournament/players") ==
        std::vector<std::string>{"Cooperator", "TitForTat", "Defector"});
  r = run_cli("run " + ini + " --print-config");
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Contains("[match]\nturns = 10"));
  r = run_cli("info " + dir.file("s.h5"));
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Contains("/tournament/score_per_turn") && Contains("(3, 3)"));
  CHECK(run_cli("info " + ini).code == 1);
}

TEST_CASE("cli: the invasion job prints the corners its runs end in", "[cli][invasion]") {
  TempDir dir;
  const std::string run = "run " + std::string(KINDEST_SOURCE_DIR) +
                          "/experiments/nowak_sigmund_1993_wsls.ini -q --invasion.replicates=2 "
                          "--invasion.generations=30000 -o " +
                          dir.file("w.h5");
  auto r = run_cli(run);
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Contains("Nearest corner of the final mean rule") && Contains("2 replicates"));
  r = run_cli(run + " --resume");
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Contains("is complete; nothing to resume"));
  r = run_cli(run + " --force --invasion.extinction_threshold=0.05");
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("[invasion] extinction_threshold = 0.05 must be below"));
  r = run_cli(run + " --force --invasion.mutant_distributon=uniform");
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("did you mean") && Contains("mutant_distribution"));
  r = run_cli(kSmall + " --resume -o " + dir.file("t.h5"));
  CHECK(r.code != 0);
}

TEST_CASE("cli: strategies lists every strategy, docs/STRATEGIES.md is generated from it",
          "[cli][docs]") {
  auto r = run_cli("strategies");
  CHECK(r.code == 0);
  for (const auto& s : kindest::strategies::registry().named())
    CHECK_THAT(r.out, Contains(std::string(s.info.id)));
  r = run_cli("strategies --markdown");
  // Regenerate with: kindest strategies --markdown > docs/STRATEGIES.md
  CHECK(r.out == slurp(std::string(KINDEST_SOURCE_DIR) + "/docs/STRATEGIES.md"));
}
