// Moves of RevisedDowning against fixed opponents; each token is (own, opponent). Derived by
// hand from the rule (strategies/revised_downing.hpp) and the same as the Axelrod library's
// (v4.13.0) moves.
#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/revised_downing.hpp"

using namespace kindest::testing;
using kindest::strategies::RevisedDowning;

TEST_CASE("revised_downing: moves against fixed opponents", "[strategy][revised_downing]") {
  // good = 1, bad = 0 until the first estimate (move 3): c = 4 >= alt = 3, so C, C.
  // Against ALLD good drops to 0 and bad stays 0: c = -2, alt = -1, so D for good.
  CHECK(play<RevisedDowning>(Cycle("D"), 6) == Moves("CD CD DD DD DD DD"));
  CHECK(play<RevisedDowning>(Cycle("C"), 6) == Moves(repeat("CC", 6)));
  // Against CD: move 3 good = 0/1 -> D; move 4 good = 1/2, c = alt = 1 -> C; move 5 bad = 0/1
  // -> C; then good = 2/3, 2/4, 3/5 keep c >= 0 and c >= alt -> C.
  CHECK(play<RevisedDowning>(Cycle("CD"), 8) == Moves("CC CD DC CD CC CD CC CD"));
}
