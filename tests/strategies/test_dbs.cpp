// Moves of DBS against fixed opponents; each token is (own, opponent). The ALLD and ALLC lines
// are derived by hand from the rule (comments); all are the Axelrod library's (v4.13.0) moves.
#include <catch2/catch.hpp>

#include "strategies/dbs.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::DBS;

TEST_CASE("dbs: moves against fixed opponents", "[strategy][dbs]") {
  // The prior model is tit for tat, under which C after (C, D) is worth 17 + 0 over five rounds
  // against 16 for D: it keeps cooperating until "D after (C, D)" has been seen three times
  // since the last counter-example (move 5). Then that rule replaces the default set (whose
  // tit-for-tat rule it contradicts), the other outcomes get discounted frequencies (C after
  // (C, C), D after the rest), and D is worth 5 against 4.
  CHECK(play<DBS>(Cycle("D"), 8) == Moves("CD CD CD CD DD DD DD DD"));
  // Against ALLC the tit-for-tat model already predicts every reply: C is worth 20 against 19.
  CHECK(play<DBS>(Cycle("C"), 6) == Moves(repeat("CC", 6)));
  CHECK(play<DBS>(Cycle("CD"), 12) == Moves("CC CD CC CD CC CD DC CD DC CD DC CD"));
}

TEST_CASE("dbs: plays the same whatever the match's game", "[strategy][dbs]") {
  // Its tree values rounds with (3, 0, 5, 1), as the library's does.
  const kindest::MatchAttributes other{.length = 12, .payoffs = {1, 0, 9, 0.5}};
  CHECK(play_within(DBS{}, Cycle("CD"), 12, other) == play<DBS>(Cycle("CD"), 12));
}
