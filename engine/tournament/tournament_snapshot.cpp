#include "engine/tournament/tournament_snapshot.hpp"

namespace kindest::tournament {

record::Snapshot tournament_snapshot(const TournamentResult& r) {
  const std::size_t n = r.size();
  const std::vector<std::size_t> square{n, n}, vector{n};
  record::Snapshot s;
  auto add = [&](std::string name, std::vector<std::size_t> shape, record::Values v,
                 std::string units, std::string description) {
    s.datasets.push_back({"/tournament/" + std::move(name), std::move(shape), std::move(v),
                          std::move(units), std::move(description)});
  };
  add("players", vector, r.players, "-",
      "Player names (registry id or family spec); index i everywhere.");
  add("score_per_turn", square, r.score_per_turn, "payoff per turn",
      "Mean over repetitions of the row player's score per turn against the column player; "
      "diagonal: self-play (mean of both copies), NaN without self-play.");
  add("score_per_turn_std", square, r.score_per_turn_std, "payoff per turn",
      "Sample standard deviation over repetitions of score_per_turn (0 with one repetition).");
  add("cooperation_rate", square, r.cooperation_rate, "-",
      "Mean fraction of turns in which the row player cooperated (as played, after noise).");
  add("cooperation_rate_std", square, r.cooperation_rate_std, "-",
      "Sample standard deviation over repetitions of cooperation_rate.");
  add("wins", square, r.wins, "matches",
      "Repetitions in which the row player scored strictly more than the column player.");
  add("turns", square, r.turns, "turns", "Total turns played by the pair over all repetitions.");
  add("mean_score_per_turn", vector, r.mean_score_per_turn, "payoff per turn",
      "Mean of the player's row of score_per_turn, self-play excluded; the ranking key.");
  add("mean_score_per_turn_with_self", vector, r.mean_score_per_turn_with_self, "payoff per turn",
      "Mean of the player's row including the self-play cell (Axelrod 1980's measure); NaN "
      "without self-play.");
  add("ranking", vector, r.ranking, "-",
      "Player indices from best to worst by mean_score_per_turn (ties keep index order).");
  return s;
}

}  // namespace kindest::tournament
