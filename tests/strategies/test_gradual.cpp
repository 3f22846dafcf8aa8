#include <catch2/catch.hpp>

#include "strategies/gradual.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Gradual;

TEST_CASE("gradual: moves against fixed opponents", "[strategy][gradual]") {
  CHECK(play<Gradual>(Cycle("C"), 4) == Moves("CC CC CC CC"));
  // Punishments of 1, 4, 10 defections (the opponent's total so far), each followed by C, C.
  CHECK(play<Gradual>(Cycle("D"), 22) ==
        Moves("CD DD CD CD DD DD DD DD CD CD DD DD DD DD DD DD DD DD DD DD CD CD"));
  // Defections during punishment or calm are not answered at once but count towards the next
  // punishment: the D on move 6 is the 4th, so it is punished with 4 defections.
  CHECK(play<Gradual>(Script("CDDDCDCCCCCC"), 12) == Moves("CC CD DD CD CC CD DC DC DC DC CC CC"));
}
