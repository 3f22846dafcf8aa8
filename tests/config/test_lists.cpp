#include <catch2/catch.hpp>

#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"

using namespace kindest;
using Catch::Matchers::Contains;

TEST_CASE("lists: items are trimmed, numbers parsed whole or refused by name", "[config]") {
  CHECK(config::split_list(" a,\tb ,c") == std::vector<std::string>{"a", "b", "c"});
  CHECK(config::split_list("3,0;5,1", ';') == std::vector<std::string>{"3,0", "5,1"});
  CHECK(config::parse_numbers("0.5, 0.25 ,1e-3", "[x] y") == std::vector<double>{0.5, 0.25, 1e-3});
  for (const char* bad : {"0.5,1.5x", "0.5,,1", "nan", "inf,1", "1 2"}) {
    INFO(bad);
    CHECK_THROWS_AS(config::parse_numbers(bad, "[x] y"), ConfigError);
  }
  CHECK_THROWS_WITH(config::parse_numbers("1,two", "[x] y"),
                    Contains("config error: [x] y: 'two' is not a number"));
  CHECK(config::number_text(1) == "1");
  CHECK(config::number_text(0.001) == "0.001");
  CHECK(config::number_text(-2.5e-9) == "-2.5e-9");  // the engine's one formatter
}

TEST_CASE("lists: specs split at top-level commas only", "[config]") {
  CHECK(config::split_specs(" L1, Pair(stochastic:0,1,0,1,0,1,0,1/DISC) ,Score(0),", "[x] y") ==
        std::vector<std::string>{"L1", "Pair(stochastic:0,1,0,1,0,1,0,1/DISC)", "Score(0)"});
  CHECK(config::split_specs("", "[x] y").empty());
  CHECK_THROWS_WITH(config::split_specs("Pair(L1/DISC", "[x] y"),
                    Contains("[x] y = Pair(L1/DISC has unbalanced parentheses"));
  CHECK_THROWS_AS(config::split_specs("L1), (L2", "[x] y"), ConfigError);
}
