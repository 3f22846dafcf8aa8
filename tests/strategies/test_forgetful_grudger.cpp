#include <catch2/catch.hpp>

#include "strategies/forgetful_grudger.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::ForgetfulGrudger;

TEST_CASE("forgetful_grudger: moves against fixed opponents", "[strategy][forgetful_grudger]") {
  CHECK(play<ForgetfulGrudger>(Cycle("C"), 3) == Moves("CC CC CC"));
  CHECK(play<ForgetfulGrudger>(Cycle("D"), 13) == Moves("CD DD DD DD DD DD DD DD DD DD DD DD DD"));
  // Ten defections for the first D; the D on move 6 falls inside the grudge and is forgotten.
  CHECK(play<ForgetfulGrudger>(Script("DCCCCDCCCCCCC"), 13) ==
        Moves("CD DC DC DC DC DD DC DC DC DC DC CC CC"));
}
