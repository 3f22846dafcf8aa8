// Checks experiments/axelrod_second_tournament.ini against the Axelrod library's scores on the
// same field (the header says why not against the published ranking).
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "engine/config/load.hpp"
#include "engine/jobs/from_config.hpp"
#include "strategies/registry.hpp"

using namespace kindest;

TEST_CASE("experiment axelrod_second_tournament: totals equal the Axelrod library's",
          "[experiment][verify]") {
  const auto config = config::load_config(
      std::string(KINDEST_SOURCE_DIR) + "/experiments/axelrod_second_tournament.ini", {});
  const auto players = strategies::registry().make_players(config.text("tournament.players"));
  REQUIRE(players.size() == 14);
  const auto r = tournament::run_round_robin(players, jobs::game_from_config(config),
                                             jobs::tournament_settings_from_config(config));
  // Total score over the 14 matches (self-play included), from the library (v4.13.0): one
  // axelrod.Match of 200 turns per ordered pair, player 0's score summed. Integers, so exact.
  const std::map<std::string, double> library = {{"SecondByRichardHufford", 8655},
                                                 {"SecondByGladstein", 8406},
                                                 {"SecondByTester", 8406},
                                                 {"TitForTat", 8393},
                                                 {"SecondByBorufsen", 8393},
                                                 {"SecondByGraaskampKatzen", 8393},
                                                 {"SecondByTidemanAndChieruzzi", 8393},
                                                 {"SecondByWeiner", 8393},
                                                 {"SecondByColbert", 8375},
                                                 {"SecondByGrofman", 8298},
                                                 {"SecondByYamachi", 8294},
                                                 {"SecondByMikkelson", 8266},
                                                 {"SecondByRowsam", 8262},
                                                 {"SecondByWhite", 8248}};
  REQUIRE(r.players.size() == library.size());
  for (std::size_t i = 0; i < r.players.size(); ++i) {
    INFO(r.players[i]);
    REQUIRE(library.count(r.players[i]) == 1);
    const double total = 14 * 200 * r.mean_score_per_turn_with_self[i];
    CHECK(total == Approx(library.at(r.players[i])).margin(1e-6));
  }
}
