#include "engine/tournament/tournament_snapshot.hpp"

#include "engine/record/file_format.hpp"

namespace kindest::tournament {

record::Snapshot tournament_snapshot(const TournamentResult& r) {
  // Names, shapes, units and descriptions come from the format's specs
  // (engine/record/file_format.cpp), the one place /tournament is described.
  const auto& specs = record::tournament_specs();
  const record::Dims dims{{"P", r.size()}};
  record::Snapshot s;
  auto add = [&](const std::string& name, record::Values v) {
    s.datasets.push_back(
        record::make_dataset("/tournament", record::find_spec(specs, name), dims, std::move(v)));
  };
  add("players", r.players);
  add("score_per_turn", r.score_per_turn);
  add("score_per_turn_std", r.score_per_turn_std);
  add("cooperation_rate", r.cooperation_rate);
  add("cooperation_rate_std", r.cooperation_rate_std);
  add("wins", r.wins);
  add("turns", r.turns);
  add("mean_score_per_turn", r.mean_score_per_turn);
  add("mean_score_per_turn_with_self", r.mean_score_per_turn_with_self);
  add("ranking", r.ranking);
  return s;
}

}  // namespace kindest::tournament
