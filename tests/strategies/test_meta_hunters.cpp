// Moves of the meta hunters against fixed opponents, derived by hand from their teams
// (strategies/hunters.hpp) and the same as the Axelrod library's (v4.13.0) moves; each token is
// (own, opponent).
#include <catch2/catch.hpp>

#include "strategies/meta_hunters.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;
using kindest::Action;
using kindest::History;
using kindest::Stream;

TEST_CASE("meta_hunters: MetaHunter against fixed opponents", "[strategy][meta_hunters]") {
  // Defector Hunter fires from move 5; no other hunter does against an all-D history.
  CHECK(play<MetaHunter>(Cycle("D"), 8) == Moves("CD CD CD CD DD DD DD DD"));
  // Alternator Hunter fires once six alternating moves are seen (move 7).
  CHECK(play<MetaHunter>(Cycle("CD"), 10) == Moves("CC CD CC CD CC CD DC DD DC DD"));
  // Nothing to hunt, and tit for tat after move 100 also cooperates.
  CHECK(play<MetaHunter>(Cycle("C"), 110) == Moves(repeat("CC", 110)));
}

TEST_CASE("meta_hunters: MetaHunterAggressive hunts cooperators too", "[strategy][meta_hunters]") {
  CHECK(play<MetaHunterAggressive>(Cycle("C"), 8) == Moves("CC CC CC CC DC DC DC DC"));
  CHECK(play<MetaHunterAggressive>(Cycle("D"), 8) == Moves("CD CD CD CD DD DD DD DD"));
}

TEST_CASE("meta_hunters: a copy carries the team's state", "[strategy][meta_hunters]") {
  // Clone mid-match: both continue as one (the hunters' proposals and flags are copied).
  MetaHunter a;
  History own, opponent;
  Stream rng(0, kindest::Purpose::simulation_check);
  for (int t = 0; t < 7; ++t) {
    own.push(a.move(own, opponent, rng));
    opponent.push(t % 2 == 0 ? Action::C : Action::D);
  }
  auto b = a.clone();
  for (int t = 0; t < 5; ++t) {
    const Action x = a.move(own, opponent, rng);
    CHECK(x == b->move(own, opponent, rng));
    own.push(x);
    opponent.push(Action::C);
  }
}
