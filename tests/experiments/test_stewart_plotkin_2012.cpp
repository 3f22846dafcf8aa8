// Checks experiments/stewart_plotkin_2012.ini against Stewart & Plotkin (2012)'s finding and,
// player by player, against the Axelrod library's tournament on the same field, run here
// (tests/data/axelrod_tournament_stewart_plotkin.txt).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "engine/jobs/from_config.hpp"
#include "experiment_helpers.hpp"
#include "library_tournament.hpp"
#include "strategies/registry.hpp"
#include "z_test.hpp"

using namespace kindest;

TEST_CASE("experiment stewart_plotkin_2012: generous ZD and GTFT on top, the extortioner low",
          "[experiment][verify]") {
  const auto config = experiments::load_experiment("stewart_plotkin_2012.ini");
  const auto players = strategies::registry().make_players(config.text("tournament.players"));
  REQUIRE(players.size() == 19);
  const auto settings = jobs::tournament_settings_from_config(config);
  const auto r = tournament::run_round_robin(players, jobs::game_from_config(config), settings);
  auto rank_of = [&](const std::string& id) {
    for (std::size_t k = 0; k < r.ranking.size(); ++k)
      if (r.players[r.ranking[k]] == id) return k + 1;
    FAIL("no player " << id);
    return std::size_t{0};
  };
  std::string table;
  for (std::size_t k = 0; k < r.ranking.size(); ++k)
    table += std::to_string(k + 1) + " " + r.players[r.ranking[k]] + " " +
             std::to_string(r.mean_score_per_turn[r.ranking[k]]) + "\n";
  INFO("Kindest's ranking:\n" << table);

  // The paper's finding. With 1000 repetitions a player's mean is known to within 0.004 (one
  // standard error, mean_score_errors), while ZDGTFT-2 leads GTFT by 0.07, GTFT leads the third by
  // 0.07 and EXTORT-2 trails the 17th by 0.17: these places are not Monte-Carlo luck.
  CHECK(rank_of("ZDGTFT2") == 1);
  CHECK(rank_of("GTFT") == 2);
  CHECK(rank_of("ZDExtort2") >= 18);
  // ... while the extortioner beats nearly everyone head to head: second in wins after ALLD
  // (the paper: 2nd in wins), which the rank by score does not reward.
  std::vector<std::uint64_t> wins(r.size(), 0);
  for (std::size_t i = 0; i < r.size(); ++i)
    for (std::size_t j = 0; j < r.size(); ++j)
      if (i != j) wins[i] += r.wins[i * r.size() + j];
  std::vector<std::size_t> by_wins(r.size());
  std::iota(by_wins.begin(), by_wins.end(), std::size_t{0});
  std::stable_sort(by_wins.begin(), by_wins.end(),
                   [&](auto a, auto b) { return wins[a] > wins[b]; });
  CHECK(r.players[by_wins[0]] == "Defector");
  CHECK(r.players[by_wins[1]] == "ZDExtort2");

  // The published places by mean score of the 15 players the library's overview gives one for
  // (TFT, ALLC, ALLD and CALCULATOR are not given). Measured: Spearman 0.975 over the 15 --
  // HARD_MAJO, GRIM, PROBE2 and HARD_TFT, within 0.03 of each other, come in another order.
  // 0.96 is the value if those four came in the reverse of the published order, so the
  // threshold of 0.9 tolerates any order of that cluster (a seed's luck) but not a misplaced
  // rule elsewhere; a random order would score 0 +- 0.27.
  const std::map<std::string, double> published = {{"ZDGTFT2", 1},
                                                   {"GTFT", 2},
                                                   {"TitFor2Tats", 3},
                                                   {"HardProber", 5},
                                                   {"HardTitFor2Tats", 6},
                                                   {"WinStayLoseShift", 7},
                                                   {"Random", 8},
                                                   {"Prober2", 9},
                                                   {"Grudger", 10},
                                                   {"HardTitForTat", 12},
                                                   {"HardGoByMajority", 13},
                                                   {"Prober", 15},
                                                   {"FirstByJoss", 16},
                                                   {"Prober3", 17},
                                                   {"ZDExtort2", 18}};
  std::vector<double> kindest_score, published_score;
  for (const auto& [id, place] : published) {
    kindest_score.push_back(-static_cast<double>(rank_of(id)));
    published_score.push_back(-place);
  }
  const double rho = testing::spearman(kindest_score, published_score);
  INFO("Spearman with the published places: " << rho);
  CHECK(rho >= 0.9);

  // Side by side with the Axelrod library on the same field and setting: every player's mean
  // score per turn agrees within Monte-Carlo error (z-test at a family-wise false-alarm rate
  // of 1e-3 over the 19 players), and so the two rankings agree up to near-ties.
  const auto library = experiments::read_library_tournament("stewart_plotkin").players;
  REQUIRE(library.size() == r.size());
  const auto errors = experiments::mean_score_errors(r, settings.repetitions);
  const double threshold = testing::bonferroni_threshold(1e-3, r.size());
  std::vector<double> ours, theirs;
  for (std::size_t i = 0; i < r.size(); ++i) {
    INFO(r.players[i]);
    REQUIRE(library.count(r.players[i]) == 1);
    const auto& lib = library.at(r.players[i]);
    const double z = testing::z_score({r.mean_score_per_turn[i], errors[i]}, lib.score);
    INFO("Kindest " << r.mean_score_per_turn[i] << " +- " << errors[i] << ", library "
                    << lib.score.mean << " +- " << lib.score.standard_error << ", z = " << z);
    CHECK(z <= threshold);
    ours.push_back(r.mean_score_per_turn[i]);
    theirs.push_back(lib.score.mean);
  }
  CHECK(library.at("ZDGTFT2").rank == 1);
  CHECK(library.at("GTFT").rank == 2);
  // Measured: 1.0 (the same order by mean). Near-ties (ALLC and HARD_MAJO 0.0002 apart here)
  // may swap with other seeds; 0.95 allows a few such swaps, not a misplaced rule.
  const double rho_library = testing::spearman(ours, theirs);
  INFO("Spearman with the library's means: " << rho_library);
  CHECK(rho_library >= 0.95);
}
