#include <catch2/catch.hpp>

#include "strategies/first_by_stein_and_rapoport.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstBySteinAndRapoport;

TEST_CASE("first_by_stein_and_rapoport: moves against fixed opponents",
          "[strategy][first_by_stein_and_rapoport]") {
  CHECK(play<FirstBySteinAndRapoport>(Cycle("C"), 31) ==
        Moves("CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC "
              "CC CC CC CC CC"));
  // Four cooperations, tit for tat; at move 15 the 7 C / 7 D opponent looks random.
  CHECK(play<FirstBySteinAndRapoport>(Cycle("CD"), 18) ==
        Moves("CC CD CC CD DC CD DC CD DC CD DC CD DC CD DC DD DC DD"));
  // Judged random at move 15, not at move 30 (22 C / 7 D: p = 0.005): back to tit for tat.
  CHECK(play<FirstBySteinAndRapoport>(Script("CDCDCDCDCDCDCD" + std::string(16, 'C')), 30) ==
        Moves("CC CD CC CD DC CD DC CD DC CD DC CD DC CD "
              "DC DC DC DC DC DC DC DC DC DC DC DC DC DC DC CC"));
}
