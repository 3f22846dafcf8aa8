#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/config/choices.hpp"
#include "engine/config/load.hpp"
#include "engine/config/schema.hpp"
#include "engine/core/errors.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using config::load_config;
using kindest::testing::TempDir;

TEST_CASE("config: defaults, file values and overrides resolve in that order", "[config]") {
  TempDir dir;
  const auto path = dir.write("x.ini",
                              "# comment\n[match]\nturns = 50\n; another comment\n"
                              "[tournament]\nplayers = TitForTat, Defector\n");
  const auto c = load_config(path, {"--match.turns=70", "run.seed=9"});
  CHECK(c.integer("match.turns") == 70);
  CHECK(c.unsigned_integer("run.seed") == 9);
  CHECK(c.real("game.temptation") == 5);
  CHECK(c.boolean("tournament.self_play"));
  CHECK(c.text("tournament.players") == "TitForTat, Defector");
}

TEST_CASE("config: the resolved INI loads back to the same config", "[config]") {
  TempDir dir;
  const auto c =
      load_config("", {"tournament.players=TitForTat", "match.execution_error_rate=0.05"});
  const auto path = dir.write("resolved.ini", c.to_ini());
  auto body = [](const std::string& ini) {
    return ini.substr(ini.find('\n'));
  };  // skip source line
  CHECK(body(load_config(path).to_ini()) == body(c.to_ini()));
}

TEST_CASE("config: unknown keys are errors with a suggestion", "[config][bad-input]") {
  TempDir dir;
  const auto path = dir.write("x.ini", "[match]\nturn = 50\n[tournament]\nplayers = TitForTat\n");
  CHECK_THROWS_WITH(load_config(path), Contains("unknown key [match] turn") &&
                                           Contains("did you mean 'match.turns'") &&
                                           Contains(path));
  CHECK_THROWS_WITH(load_config("", {"--tournament.repetition=3"}),
                    Contains("did you mean 'tournament.repetitions'"));
}

TEST_CASE("config: out-of-range and malformed values name key, value and range",
          "[config][bad-input]") {
  const std::string players = "tournament.players=TitForTat";
  CHECK_THROWS_WITH(load_config("", {players, "match.execution_error_rate=1.5"}),
                    Contains("[match] execution_error_rate = 1.5 is outside [0, 1]"));
  CHECK_THROWS_WITH(load_config("", {players, "match.execution_error_rate=-0.1"}),
                    Contains("is outside [0, 1]"));
  CHECK_THROWS_WITH(load_config("", {players, "match.continuation_probability=1"}),
                    Contains("is outside [0, 1)"));
  CHECK_THROWS_WITH(load_config("", {players, "match.turns=ten"}), Contains("is not an integer"));
  CHECK_THROWS_WITH(load_config("", {players, "match.turns=0"}), Contains("outside [1, 1e9]"));
  CHECK_THROWS_WITH(load_config("", {players, "tournament.self_play=maybe"}),
                    Contains("is not true or false"));
  CHECK_THROWS_WITH(load_config("", {players, "game.type=donation"}),
                    Contains("did you mean 'donation_game'"));
}

TEST_CASE("config: malformed lines, duplicates and missing files", "[config][bad-input]") {
  TempDir dir;
  CHECK_THROWS_WITH(load_config(dir.write("a.ini", "[match]\nturns 50\n")),
                    Contains("a.ini:2: expected '[section]' or 'key = value'"));
  CHECK_THROWS_WITH(load_config(dir.write("b.ini", "[match]\nturns = 5\nturns = 6\n")),
                    Contains("given twice"));
  CHECK_THROWS_WITH(load_config(dir.file("missing.ini")),
                    Contains("cannot read config file") && Contains("No such file or directory"));
  CHECK_THROWS_AS(load_config("", {"match.turns"}), ConfigError);
}

TEST_CASE("config: every schema key has a section, a doc and a valid default", "[config]") {
  for (const auto& k : config::schema()) {
    INFO(k.key);
    CHECK(k.key.find('.') != std::string_view::npos);
    CHECK_FALSE(k.doc.empty());
    const std::string section(k.key.substr(0, k.key.find('.')));
    CHECK_THAT(config::schema_markdown(), Contains("## [" + section + "]"));
    CHECK_NOTHROW(
        config::validate_value(std::string(k.key), std::string(k.default_value), "default"));
  }
}

TEST_CASE("config: docs/CONFIG.md is generated from the schema", "[config][docs]") {
  std::ifstream in(std::string(KINDEST_SOURCE_DIR) + "/docs/CONFIG.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() ==
        config::schema_markdown());  // regenerate: kindest config-reference > docs/CONFIG.md
}

TEST_CASE("config: text loads as the file with that text does", "[config]") {
  TempDir dir;
  const std::string text = "[match]\nturns = 50\n[tournament]\nplayers = TitForTat, Defector\n";
  const auto path = dir.write("x.ini", text);
  const auto from_text = config::load_config_text(text, path, {"run.seed=4"});
  const auto from_file = load_config(path, {"run.seed=4"});
  CHECK(from_text.to_ini() == from_file.to_ini());
  CHECK(from_text.source() == path);
  CHECK(config::load_config_text("", "").to_ini() == load_config("").to_ini());
  CHECK_THROWS_WITH(config::load_config_text("[match]\nturns = 0\n", "memory.ini"),
                    Contains("[match] turns = 0 is outside [1, 1e9] (in memory.ini)"));
}

TEST_CASE("config: differences compare key by key, by value", "[config]") {
  const auto a = load_config("", {"match.execution_error_rate=0.05", "tournament.players=A,B",
                                  "tournament.self_play=true", "run.output=a.h5"});
  // The same values spelled differently, and another output.
  const auto same = load_config("", {"match.execution_error_rate=5e-2", "tournament.players=A, B",
                                     "tournament.self_play=1", "run.output=b.h5"});
  CHECK(config::differences(a, same, {"run.output"}).empty());
  const auto d = config::differences(a, same);
  REQUIRE(d.size() == 1);
  CHECK(d[0].key == "run.output");
  CHECK(d[0].left == "a.h5");
  CHECK(d[0].right == "b.h5");

  const auto other = load_config("", {"match.execution_error_rate=0.06", "match.turns=70",
                                      "tournament.players=B,A", "run.output=a.h5"});
  const auto e = config::differences(a, other, {"run.output"});
  REQUIRE(e.size() == 3);  // in schema order; the order of players matters
  CHECK(e[0].key == "match.turns");
  CHECK(e[1].key == "match.execution_error_rate");
  CHECK(e[2].key == "tournament.players");
  CHECK(config::describe({e[0]}, "this config", "the file") ==
        "[match] turns = 200 in this config, 70 in the file");
  // What resume will do: the config stored in a file, read back from its text, equals the run's.
  const auto stored = config::load_config_text(a.to_ini(), "x.h5 (stored config)");
  CHECK(config::differences(a, stored).empty());
  CHECK(config::differences(other, stored, {"run.output"}).size() == 3);
}

TEST_CASE("config: a directory, a missing file, a dangling link or no permission is named",
          "[config][bad-input]") {
  TempDir dir;
  // Read as an empty config before (issue 8: `kindest run results/` ran the defaults).
  std::filesystem::create_directory(dir.file("results"));
  CHECK_THROWS_WITH(load_config(dir.file("results")),
                    Contains("is a directory, not a config file"));
  CHECK_THROWS_WITH(load_config(dir.file("results") + "/"), Contains("is a directory"));
  std::filesystem::create_symlink(dir.file("gone.ini"), dir.file("link.ini"));
  CHECK_THROWS_WITH(load_config(dir.file("link.ini")), Contains("is a symbolic link to") &&
                                                           Contains("gone.ini") &&
                                                           Contains("which does not exist"));
  CHECK_THROWS_WITH(load_config(dir.file(std::string(300, 'x') + ".ini")),
                    Contains("File name too long"));
  const auto locked = dir.write("locked.ini", "[match]\nturns = 5\n");
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  if (::geteuid() != 0)  // root reads any file: the refusal cannot happen there
    CHECK_THROWS_WITH(load_config(locked), Contains("Permission denied"));
}

TEST_CASE("config: negative and oversized integers are refused, never wrapped",
          "[config][bad-input]") {
  // Each names key, value and range (the range in the shortest text: 2^53 exactly).
  CHECK_THROWS_WITH(load_config("", {"--run.seed=-1"}),
                    Contains("[run] seed = -1 is outside [0, 9007199254740992] (on the command "
                             "line)"));
  // What `--seed -1` became when a flag was read as unsigned: out of range, not "not an integer".
  CHECK_THROWS_WITH(load_config("", {"--run.seed=18446744073709551615"}),
                    Contains("[run] seed = 18446744073709551615 is outside [0, 9007199254740992]"));
  // 2^53 + 1 compared as a double equals 2^53 and passed before.
  CHECK_THROWS_WITH(load_config("", {"--run.seed=9007199254740993"}), Contains("is outside"));
  CHECK(load_config("", {"--run.seed=9007199254740992"}).unsigned_integer("run.seed") ==
        9007199254740992u);
  CHECK_THROWS_WITH(load_config("", {"--population.size=-5"}),
                    Contains("[population] size = -5 is outside [2, 4e9]"));
  // Integers in the notation the ranges are printed in ("[1, 1e15]") are read exactly, and kept
  // in plain decimal; a value with a fraction is not an integer.
  CHECK(load_config("", {"--match.turns=1e3"}).integer("match.turns") == 1000);
  CHECK(load_config("", {"--match.turns=1e3"}).text("match.turns") == "1000");
  CHECK(load_config("", {"--match.turns=2.5E2"}).integer("match.turns") == 250);
  CHECK(load_config("", {"--dynamics.generations=1e15"}).integer("dynamics.generations") ==
        1000000000000000);
  CHECK(load_config("", {"--run.seed=9.007199254740992e15"}).unsigned_integer("run.seed") ==
        9007199254740992u);
  CHECK_THROWS_WITH(load_config("", {"--run.seed=9.007199254740993e15"}), Contains("is outside"));
  CHECK_THROWS_WITH(load_config("", {"--dynamics.generations=1.1e15"}),
                    Contains("[dynamics] generations = 1.1e15 is outside [1, 1e15]"));
  CHECK_THROWS_WITH(load_config("", {"--dynamics.generations=1e999"}), Contains("is outside"));
  for (const char* bad : {"1.5e0", "1e-3", "1e", "e3", "1e3x", ".e3", "1.5", "--5", "1e+-3"})
    CHECK_THROWS_WITH(load_config("", {std::string("--match.turns=") + bad}),
                      Contains("is not an integer"));
  CHECK(load_config("", {"--match.turns=+30"}).integer("match.turns") == 30);
  // Underflow reads as the nearest double instead of failing in a getter.
  CHECK(
      load_config("", {"--match.execution_error_rate=1e-400"}).real("match.execution_error_rate") ==
      0);
  CHECK_THROWS_WITH(load_config("", {"--match.execution_error_rate=1e400"}),
                    Contains("is outside [0, 1]"));
}

TEST_CASE("config: values that are not UTF-8 are refused by key", "[config][bad-input]") {
  TempDir dir;
  // Latin-1 "Défecteur": written into UTF-8 string datasets before, unreadable by h5py.
  const auto latin1 = dir.write("latin1.ini",
                                "[payoffs]\nlabels = C, D\xe9"
                                "fecteur\n");
  CHECK_THROWS_WITH(load_config(latin1), Contains("[payoffs] labels is not valid UTF-8") &&
                                             Contains("0xE9") && Contains("latin1.ini"));
  CHECK_THROWS_WITH(
      load_config("", {"tournament.players=TitForTat,\xff"}),
      Contains("[tournament] players is not valid UTF-8") && Contains("on the command line"));
  // Well-formed UTF-8 is text like any other; overlong forms and surrogates are not UTF-8.
  CHECK(load_config("", {"payoffs.labels=C,D\xc3\xa9"}).text("payoffs.labels") == "C,D\xc3\xa9");
  CHECK_THROWS_AS(load_config("", {"payoffs.labels=\xc0\xaf"}), ConfigError);
  CHECK_THROWS_AS(load_config("", {"payoffs.labels=\xed\xa0\x80"}), ConfigError);
  CHECK_THROWS_AS(load_config("", {"payoffs.labels=\xf4\x90\x80\x80"}), ConfigError);
}

TEST_CASE("config: a value's source is where that value came from", "[config][bad-input]") {
  TempDir dir;
  const auto path = dir.write("x.ini", "[match]\nturns = 0\n");
  CHECK_THROWS_WITH(load_config(path), Contains("(in " + path + ")"));
  const auto good = dir.write("y.ini", "[match]\nturns = 5\n");
  CHECK_THROWS_WITH(load_config(good, {"--match.turns=0"}), Contains("(on the command line)"));
}

namespace {
template <class Value, std::size_t N>
void check_table(const config::ChoiceKey<Value, N>& table) {
  INFO(table.key);
  const auto* spec = config::find_key(table.key);
  REQUIRE(spec);
  CHECK(spec->type == config::ValueType::choice);
  CHECK(spec->choices == table.names());
  std::set<std::string_view> names;
  std::set<Value> values;
  for (const auto& o : table.options) {
    names.insert(o.name);
    values.insert(o.value);
    // The name the schema accepts selects this value, through the same table.
    const auto c = load_config("", {std::string(table.key) + "=" + std::string(o.name)});
    CHECK(config::choice(c, table) == o.value);
  }
  CHECK(names.size() == N);
  CHECK(values.size() == N);
}
}  // namespace

TEST_CASE("config: every choice maps to its value through one table", "[config]") {
  check_table(config::kGameType);
  check_table(config::kPayoffSource);
  check_table(config::kProcess);
  check_table(config::kFitnessMapping);
  check_table(config::kMutation);
  check_table(config::kReplicatorMap);
  check_table(config::kInvasionSpace);
  check_table(config::kMutantDistribution);
  check_table(config::kReputationAssessment);
  check_table(config::kPublicAssessor);
  check_table(config::kReputationInteraction);
  check_table(config::kInitialReputation);
  check_table(config::kReputationObservation);
  check_table(config::kGraph);
  check_table(config::kNeighbourhood);
  check_table(config::kGraphUpdate);
  check_table(config::kPayoffAggregation);
  check_table(config::kBenefitShape);
  check_table(config::kStakesStrategySet);
  // Every choice key of the schema has a table above ([run] job is typed job: the registry's).
  std::size_t choice_keys = 0;
  for (const auto& k : config::schema()) choice_keys += k.type == config::ValueType::choice;
  CHECK(choice_keys == 19);
  // A string outside the table is an error, never a default (it was pairwise_comparison).
  const config::Config unvalidated({{"dynamics.process", "moran"}}, "test");
  CHECK_THROWS_AS(config::choice(unvalidated, config::kProcess), std::logic_error);
}
