// Pinned moves of looker_up_players.hpp's strategies against fixed opponents. The expected strings
// were recorded from the Axelrod library v4.13.0 (its own matches, lengths told to the players),
// which Kindest follows; tokens are (own, opponent).
#include <catch2/catch.hpp>

#include "strategies/looker_up_players.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("looker_up_players: EvolvedLookerUp1_1_1 against fixed opponents",
          "[strategy][looker_up_players]") {
  CHECK(play<EvolvedLookerUp1_1_1>(Cycle("CD"), 12) ==
        Moves("CC CD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<EvolvedLookerUp1_1_1>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<EvolvedLookerUp1_1_1>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC DD DC DC DD DD DD DC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("looker_up_players: EvolvedLookerUp2_2_2 against fixed opponents",
          "[strategy][looker_up_players]") {
  CHECK(play<EvolvedLookerUp2_2_2>(Cycle("CD"), 12) ==
        Moves("CC CD CC DD DC DD CC DD DC DD CC DD"));
  CHECK(play<EvolvedLookerUp2_2_2>(Cycle("D"), 8) == Moves("CD CD DD DD DD DD DD DD"));
  CHECK(
      play<EvolvedLookerUp2_2_2>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD CC DD CC DC DD CD DD CC DD CD DC CC DC DD CC DC DD CC DD CD DC CC DC DC"));
}

TEST_CASE("looker_up_players: Winner12 against fixed opponents", "[strategy][looker_up_players]") {
  CHECK(play<Winner12>(Cycle("CD"), 12) == Moves("CC CD DC DD CC CD DC DD CC CD DC DD"));
  CHECK(play<Winner12>(Cycle("D"), 8) == Moves("CD CD DD DD DD DD DD DD"));
  CHECK(
      play<Winner12>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC DD CC CC CD DD DD DC DD CD DC DC DC DD CC CC CD DC DD CD DC DC DC DC"));
}

TEST_CASE("looker_up_players: Winner21 against fixed opponents", "[strategy][looker_up_players]") {
  CHECK(play<Winner21>(Cycle("CD"), 12) == Moves("DC CD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<Winner21>(Cycle("D"), 8) == Moves("DD CD DD DD DD DD DD DD"));
  CHECK(
      play<Winner21>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC CC CD DD DC DD DC DC CD DD DD DC DD DD DC DC CC CD DC DC CD DC DD DD DC DC CC CC"));
}

TEST_CASE("looker_up_players: AON2 against fixed opponents", "[strategy][looker_up_players]") {
  CHECK(play<AON2>(Cycle("CD"), 12) == Moves("CC CD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<AON2>(Cycle("D"), 8) == Moves("CD CD DD DD CD DD DD CD"));
  CHECK(
      play<AON2>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC DD DC DC DD DD CD DC DD DD CC CC CC CD DC DC DD DC DD DD CC CC CC CC"));
}

TEST_CASE("looker_up_players: DelayedAON1 against fixed opponents",
          "[strategy][looker_up_players]") {
  CHECK(play<DelayedAON1>(Cycle("CD"), 12) == Moves("CC CD DC DD CC CD DC DD CC CD DC DD"));
  CHECK(play<DelayedAON1>(Cycle("D"), 8) == Moves("CD CD DD CD DD CD DD CD"));
  CHECK(
      play<DelayedAON1>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD CC CD DC DC DD CD DD CC CD DD CC CC CC CD DC DC DD CC CD DD CC CC CC CC"));
}
