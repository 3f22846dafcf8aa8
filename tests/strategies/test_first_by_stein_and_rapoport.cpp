#include <catch2/catch.hpp>

#include "strategies/first_by_stein_and_rapoport.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstBySteinAndRapoport;

TEST_CASE("first_by_stein_and_rapoport: moves against fixed opponents",
          "[strategy][first_by_stein_and_rapoport]") {
  // Defects on the last two moves of a 31-move match.
  CHECK(play<FirstBySteinAndRapoport>(Cycle("C"), 31) ==
        Moves("CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC CC "
              "CC CC CC DC DC"));
  // Four cooperations, tit for tat; at move 15 the 7 C / 7 D opponent looks random.
  CHECK(play<FirstBySteinAndRapoport>(Cycle("CD"), 18) ==
        Moves("CC CD CC CD DC CD DC CD DC CD DC CD DC CD DC DD DC DD"));
  // Judged random at move 15, not at move 30 (22 C / 7 D: p = 0.005): back to tit for tat.
  // (The first 30 moves of a 200-move match, so no end game yet.)
  CHECK(play_within(FirstBySteinAndRapoport{}, Script("CDCDCDCDCDCDCD" + std::string(16, 'C')), 30,
                    {.length = 200}) == Moves("CC CD CC CD DC CD DC CD DC CD DC CD DC CD "
                                              "DC DC DC DC DC DC DC DC DC DC DC DC DC DC DC CC"));
}

TEST_CASE("first_by_stein_and_rapoport: the end game needs a known length",
          "[strategy][first_by_stein_and_rapoport]") {
  const FirstBySteinAndRapoport s;
  // Known length: the last two moves are defections, whatever the rule says.
  CHECK(play(s, Cycle("C"), 6) == Moves("CC CC CC CC DC DC"));
  CHECK(play(s, Cycle("C"), 2) == Moves("DC DC"));
  CHECK(play(s, Cycle("C"), 1) == Moves("DC"));
  // Unknown length (a match of random length): no end game.
  CHECK(play_within(s, Cycle("C"), 6, {}) == Moves("CC CC CC CC CC CC"));
  // Past the told length the rule plays on (the library's FinalTransformer does the same).
  CHECK(play_within(s, Cycle("C"), 8, {.length = 6}) == Moves("CC CC CC CC DC DC CC CC"));
}
