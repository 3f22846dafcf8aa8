// Checks experiments/axelrod_1980.ini against Axelrod (1980): the pattern, not exact ranks,
// since the original programs are lost (see the experiment's header).
#include <catch2/catch.hpp>
#include <set>

#include "engine/config/load.hpp"
#include "engine/jobs/from_config.hpp"
#include "strategies/registry.hpp"

using namespace kindest;

TEST_CASE("experiment axelrod_1980: nice rules on top, TFT near 504, RANDOM near last",
          "[experiment][verify]") {
  // 50 repetitions instead of the paper's 5 so that the check measures the rules, not the
  // noise of the stochastic entries (TFT's score moves by about +-2 between seeds at 5).
  const auto config =
      config::load_config(std::string(KINDEST_SOURCE_DIR) + "/experiments/axelrod_1980.ini",
                          {"tournament.repetitions=50"});
  const auto players = strategies::registry().make_players(config.text("tournament.players"));
  REQUIRE(players.size() == 15);
  const auto r = tournament::run_round_robin(players, jobs::game_from_config(config),
                                             jobs::tournament_settings_from_config(config));
  auto index = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(r.players.begin(), r.players.end(), name) -
                                    r.players.begin());
  };
  // Axelrod's measure: mean score per 200-move match over all 15 opponents, itself included.
  auto per_match = [&](const std::string& name) {
    return 200 * r.mean_score_per_turn_with_self[index(name)];
  };
  INFO("TitForTat scores " << per_match("TitForTat") << " per match (published: 504)");
  CHECK(std::abs(per_match("TitForTat") - 504) <= 10);

  // The eight nice rules (never first to defect) take the top eight places.
  std::vector<std::size_t> order(15);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
    return r.mean_score_per_turn_with_self[a] > r.mean_score_per_turn_with_self[b];
  });
  const std::set<std::string> nice = {
      "TitForTat",     "FirstByTidemanAndChieruzzi", "FirstByNydegger", "FirstByGrofman",
      "FirstByShubik", "FirstBySteinAndRapoport",    "Grudger",         "FirstByDavis"};
  for (std::size_t rank = 0; rank < 8; ++rank) {
    INFO("rank " << rank + 1 << ": " << r.players[order[rank]]);
    CHECK(nice.count(r.players[order[rank]]) == 1);
  }
  // RANDOM is in the bottom two (it was last in 1980).
  const auto random_rank = std::find(order.begin(), order.end(), index("Random")) - order.begin();
  CHECK(random_rank >= 13);
}
