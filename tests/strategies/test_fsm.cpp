#include <catch2/catch.hpp>

#include "engine/core/errors.hpp"
#include "strategies/fsm.hpp"
#include "strategies/play.hpp"
#include "strategies/registry.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("fsm: machines for classic rules", "[strategy][fsm]") {
  const auto tft = make("FSM(0,C; 0,C->0,C; 0,D->1,D; 1,C->0,C; 1,D->1,D)");
  CHECK(play(*tft, Script("CCDDC"), 5) == Moves("CC CC CD DD DC"));
  // Grudger: state 1 is absorbing.
  const auto grudger = make("FSM(0,C; 0,C->0,C; 0,D->1,D; 1,C->1,D; 1,D->1,D)");
  CHECK(play(*grudger, Script("CDCC"), 4) == Moves("CC CD DC DC"));
  // Labels need not be 0..n-1; this one is Suspicious Tit For Tat.
  const auto stft = make("FSM(7,D; 7,C->3,C; 7,D->7,D; 3,C->3,C; 3,D->7,D)");
  CHECK(play(*stft, Cycle("CD"), 5) == Moves("DC CD DC CD DC"));
}

TEST_CASE("fsm: in player lists", "[strategy][fsm]") {
  const auto players = registry().make_players(
      "TitForTat, FSM(0,C; 0,C->0,C; 0,D->1,D; 1,C->0,C; 1,D->1,D), Cycler(CD)");
  REQUIRE(players.size() == 3);
  CHECK(players[1].name == "FSM(0,C; 0,C->0,C; 0,D->1,D; 1,C->0,C; 1,D->1,D)");
}

TEST_CASE("fsm: invalid machines", "[strategy][fsm]") {
  CHECK_THROWS_WITH(make("FSM(0,C; 0,C->0,C)"),
                    Catch::Contains("state 0 has no transition for opponent move D"));
  CHECK_THROWS_WITH(make("FSM(0,C; 0,C->1,C; 0,D->0,D)"),
                    Catch::Contains("state 1 has no transition for opponent move C"));
  CHECK_THROWS_WITH(make("FSM(0,C; 0,C->0,C; 0,C->0,D; 0,D->0,D)"),
                    Catch::Contains("two transitions for state 0 and opponent move C"));
  for (const char* spec : {"FSM()", "FSM(0)", "FSM(0,X; 0,C->0,C; 0,D->0,D)",
                           "FSM(0,C; 0,C-0,C; 0,D->0,D)", "FSM(-1,C; -1,C->-1,C; -1,D->-1,D)",
                           "FSM(0,C; 0,C->0; 0,D->0,D)", "FSM(0,C; 0,CD->0,C; 0,D->0,D)"}) {
    INFO(spec);
    CHECK_THROWS_AS(make(spec), kindest::StrategyError);
  }
}
