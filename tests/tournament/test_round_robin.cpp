#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/tournament/round_robin.hpp"
#include "strategies/registry.hpp"

using namespace kindest;
using tournament::run_round_robin;
using tournament::TournamentSettings;

namespace {
// Total score of each player over all its matches (references.md: 10 turns, 1 repetition,
// no self-play).
std::vector<double> total_scores(const std::string& players) {
  const auto p = strategies::registry().make_players(players);
  const TournamentSettings s{.match = {.turns = 10}, .repetitions = 1, .self_play = false};
  const auto r = run_round_robin(p, games::PrisonersDilemma{}, s);
  std::vector<double> totals(p.size(), 0);
  for (std::size_t i = 0; i < p.size(); ++i)
    for (std::size_t j = 0; j < p.size(); ++j)
      if (i != j)
        totals[i] +=
            r.score_per_turn[i * p.size() + j] * static_cast<double>(r.turns[i * p.size() + j]);
  return totals;
}
}  // namespace

TEST_CASE("round robin: small exact tournaments (references.md)", "[tournament][verify]") {
  CHECK(total_scores("Cooperator, Defector") == std::vector<double>{0, 50});
  CHECK(total_scores("TitForTat, Defector") == std::vector<double>{9, 14});
  CHECK(total_scores("Cooperator, TitForTat, Defector") == std::vector<double>{30, 39, 64});
  // references.md lists the scores sorted (60 / 69 / 69 / 78); by player: Defector earns
  // 50 + 14 + 14 = 78 and Grudger 30 + 30 + 9 = 69.
  CHECK(total_scores("Cooperator, TitForTat, Defector, Grudger") ==
        std::vector<double>{60, 69, 78, 69});
}

TEST_CASE("round robin: self-play, wins, ranking and NaN diagonal", "[tournament]") {
  const auto p = strategies::registry().make_players("TitForTat, Defector, Cooperator");
  TournamentSettings s{.match = {.turns = 10}, .repetitions = 3, .self_play = true};
  auto r = run_round_robin(p, games::PrisonersDilemma{}, s);
  const std::size_t n = 3;
  CHECK(r.score_per_turn[0 * n + 0] == 3.0);  // TFT vs itself
  CHECK(r.score_per_turn[1 * n + 1] == 1.0);  // ALLD vs itself
  CHECK(r.wins[1 * n + 2] == 3);              // ALLD beats ALLC every time
  CHECK(r.wins[2 * n + 1] == 0);
  CHECK(r.score_per_turn_std[1 * n + 2] == 0.0);
  // Mean excluding self: TFT (0.9 + 3)/2 = 1.95, ALLD (1.4 + 5)/2 = 3.2, ALLC (0 + 3)/2 = 1.5.
  CHECK(r.mean_score_per_turn[0] == Approx(1.95));
  CHECK(r.mean_score_per_turn[1] == Approx(3.2));
  CHECK(r.mean_score_per_turn_with_self[0] == Approx((0.9 + 3 + 3) / 3));
  CHECK(r.ranking == std::vector<std::uint32_t>{1, 0, 2});
  CHECK(r.turns_total == 6 * 3 * 10);
  CHECK(r.turns_simulated == 6 * 10);  // deterministic pairs play once
  s.self_play = false;
  r = run_round_robin(p, games::PrisonersDilemma{}, s);
  CHECK(std::isnan(r.score_per_turn[0]));
  CHECK(std::isnan(r.mean_score_per_turn_with_self[0]));
}

TEST_CASE("round robin: results are bit-identical for 1, 2 and 4 threads", "[tournament]") {
  const auto p = strategies::registry().make_players(
      "TitForTat, Random, GTFT, Defector, WinStayLoseShift, FirstByJoss, Grudger, Cycler(CCD)");
  const TournamentSettings s{
      .match = {.turns = 100, .execution_error_rate = 0.05}, .repetitions = 20, .seed = 12345};
  std::vector<tournament::TournamentResult> results;
  for (int threads : {1, 2, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    results.push_back(run_round_robin(p, games::PrisonersDilemma{}, s));
  }
  for (std::size_t k = 1; k < results.size(); ++k) {
    CHECK(results[k].score_per_turn == results[0].score_per_turn);
    CHECK(results[k].score_per_turn_std == results[0].score_per_turn_std);
    CHECK(results[k].cooperation_rate == results[0].cooperation_rate);
    CHECK(results[k].wins == results[0].wins);
  }
  // A different seed changes the noisy results.
  auto other = s;
  other.seed = 54321;
  CHECK(run_round_robin(p, games::PrisonersDilemma{}, other).score_per_turn !=
        results[0].score_per_turn);
}

TEST_CASE("round robin: random-length matches average 1/(1-w) turns", "[tournament]") {
  const auto p = strategies::registry().make_players("TitForTat, Cooperator");
  const TournamentSettings s{
      .match = {.continuation_probability = 0.9}, .repetitions = 4000, .self_play = false};
  const auto r = run_round_robin(p, games::PrisonersDilemma{}, s);
  const double mean_length = static_cast<double>(r.turns[1]) / 4000;
  CHECK(std::abs(mean_length - 10) < 5 * std::sqrt(0.9) / 0.1 / std::sqrt(4000.0));
  CHECK(r.score_per_turn[1] == 3.0);  // every turn is CC
}
