// Checks experiments/axelrod_second_tournament.ini against the Axelrod library's scores on the
// same field (the header says why not against the published ranking). The library's scores
// were made by tests/data/make_axelrod_second_tournament.py, running the library itself.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "engine/config/load.hpp"
#include "engine/jobs/from_config.hpp"
#include "strategies/registry.hpp"

using namespace kindest;

namespace {

struct LibraryScore {
  std::string deterministic_total;  // "-" for a stochastic player
  double mean = 0;                  // score per turn, self included
  double se = 0;                    // its standard error over the library's repetitions
};

std::map<std::string, LibraryScore> read_library_scores() {
  std::ifstream in(KINDEST_SOURCE_DIR "/tests/data/axelrod_second_tournament_200.txt");
  REQUIRE(in.good());
  std::map<std::string, LibraryScore> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string id;
    LibraryScore s;
    fields >> id >> s.deterministic_total >> s.mean >> s.se;
    REQUIRE(!fields.fail());
    out[id] = s;
  }
  return out;
}

}  // namespace

TEST_CASE("experiment axelrod_second_tournament: scores equal the Axelrod library's",
          "[experiment][verify]") {
  const auto config = config::load_config(
      std::string(KINDEST_SOURCE_DIR) + "/experiments/axelrod_second_tournament.ini", {});
  const auto players = strategies::registry().make_players(config.text("tournament.players"));
  REQUIRE(players.size() == 25);
  const auto settings = jobs::tournament_settings_from_config(config);
  const auto r = tournament::run_round_robin(players, jobs::game_from_config(config), settings);
  const auto library = read_library_scores();
  REQUIRE(library.size() == players.size());

  const std::size_t n = players.size();
  const double turns = 200;
  for (std::size_t i = 0; i < n; ++i) {
    INFO(r.players[i]);
    REQUIRE(library.count(r.players[i]) == 1);
    const auto& lib = library.at(r.players[i]);
    // Among deterministic players every match is the library's, move for move: the total
    // score against them is an integer and equal.
    if (!players[i].prototype->info().stochastic) {
      double total = 0;
      for (std::size_t j = 0; j < n; ++j)
        if (!players[j].prototype->info().stochastic) total += turns * r.score_per_turn[i * n + j];
      CHECK(total == Approx(std::stod(lib.deterministic_total)).margin(1e-6));
    }
    // The mean over the whole field, stochastic opponents included: equal to the library's
    // within 4 standard errors of the difference (each cell's error from its repetitions).
    double variance = 0;
    for (std::size_t j = 0; j < n; ++j) {
      const double plays = static_cast<double>(
          tournament::plays_per_pair(players[std::min(i, j)], players[std::max(i, j)], settings));
      variance += std::pow(r.score_per_turn_std[i * n + j], 2) / plays;
    }
    const double se = std::sqrt(variance) / static_cast<double>(n);
    const double tolerance = 4 * std::hypot(se, lib.se) + 1e-9;
    INFO("Kindest " << r.mean_score_per_turn_with_self[i] << " +- " << se << ", library "
                    << lib.mean << " +- " << lib.se);
    CHECK(std::abs(r.mean_score_per_turn_with_self[i] - lib.mean) <= tolerance);
  }
}
