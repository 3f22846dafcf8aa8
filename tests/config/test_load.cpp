#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

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
  CHECK_THROWS_WITH(load_config("", {players, "match.turns=0"}),
                    Contains("outside [1, 1000000000]"));
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
  CHECK_THROWS_WITH(load_config(dir.file("missing.ini")), Contains("cannot open config file"));
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
