#pragma once
// A tournament's results as named arrays for the recorder (layout: docs/FORMAT.md, /tournament).
#include "engine/record/snapshot.hpp"
#include "engine/tournament/round_robin.hpp"

namespace kindest::tournament {

record::Snapshot tournament_snapshot(const TournamentResult& result);

}  // namespace kindest::tournament
