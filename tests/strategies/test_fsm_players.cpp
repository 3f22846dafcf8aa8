// Pinned moves of fsm_players.hpp's strategies against fixed opponents. The expected strings were
// recorded from the Axelrod library v4.13.0 (its own matches, lengths told to the players), which
// Kindest follows; tokens are (own, opponent).
#include <catch2/catch.hpp>

#include "strategies/fsm_players.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("fsm_players: EvolvedFSM16 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<EvolvedFSM16>(Cycle("CD"), 12) == Moves("CC CD DC CD CC DD DC DD CC DD DC DD"));
  CHECK(play<EvolvedFSM16>(Cycle("D"), 8) == Moves("CD DD DD DD DD CD CD DD"));
  CHECK(
      play<EvolvedFSM16>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC DD CC DC DD DD DD DC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("fsm_players: EvolvedFSM16Noise05 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<EvolvedFSM16Noise05>(Cycle("CD"), 12) == Moves("CC CD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<EvolvedFSM16Noise05>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<EvolvedFSM16Noise05>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC CD DC CC CD CD DD DC CD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("fsm_players: EvolvedFSM4 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<EvolvedFSM4>(Cycle("CD"), 12) == Moves("CC CD DC DD CC DD DC DD DC DD DC DD"));
  CHECK(play<EvolvedFSM4>(Cycle("D"), 8) == Moves("CD DD CD CD DD CD CD DD"));
  CHECK(
      play<EvolvedFSM4>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD CC DD DC DC DD DD CD DC DD CD CC CC CC CD DC DC DD CC DD DD CC CC CC CC"));
}

TEST_CASE("fsm_players: EvolvedFSM6 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<EvolvedFSM6>(Cycle("CD"), 12) == Moves("CC CD DC CD CC CD DC CD CC CD DC CD"));
  CHECK(play<EvolvedFSM6>(Cycle("D"), 8) == Moves("CD DD DD DD DD CD DD DD"));
  CHECK(
      play<EvolvedFSM6>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC DD DC CC DD DD DD CC CD DD DC DC DC DD DC CC DD DC CD DD DC DC CC DC"));
}

TEST_CASE("fsm_players: Fortress3 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<Fortress3>(Cycle("CD"), 12) == Moves("DC DD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<Fortress3>(Cycle("D"), 8) == Moves("DD DD CD DD DD CD DD DD"));
  CHECK(
      play<Fortress3>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC DC DD DD CC CD DC DC DD DD CD DC DD DD CC CC CC CD DC DC DD DC DD DD CC CC CC CC"));
}

TEST_CASE("fsm_players: Fortress4 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<Fortress4>(Cycle("CD"), 12) == Moves("DC DD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<Fortress4>(Cycle("D"), 8) == Moves("DD DD DD CD DD DD DD CD"));
  CHECK(
      play<Fortress4>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC DC DD DD DC DD DC DC DD DD DD CC CD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("fsm_players: Predator against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<Predator>(Cycle("CD"), 12) == Moves("CC DD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<Predator>(Cycle("D"), 8) == Moves("CD DD DD CD DD DD DD DD"));
  CHECK(
      play<Predator>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC DC DD DD DC DD DC DC DD DD DD DC DD DD DC DC DC DD DC CC DD DC CD DD DC DC DC DC"));
}

TEST_CASE("fsm_players: Pun1 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<Pun1>(Cycle("CD"), 12) == Moves("DC CD DC CD DC CD DC CD DC CD DC CD"));
  CHECK(play<Pun1>(Cycle("D"), 8) == Moves("DD CD DD CD DD CD DD CD"));
  CHECK(
      play<Pun1>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC CC CD CD DC CD DC CC CD CD DD CC CD CD DC CC CC CD DC CC CD CC CD CD DC CC CC CC"));
}

TEST_CASE("fsm_players: Raider against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<Raider>(Cycle("CD"), 12) == Moves("DC DD CC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<Raider>(Cycle("D"), 8) == Moves("DD DD CD CD DD DD DD DD"));
  CHECK(
      play<Raider>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC DC DD DD CC DD DC DC DD CD CD DC CD DD DC CC CC CD DC CC CD DC CD DD DC CC CC CC"));
}

TEST_CASE("fsm_players: Ripoff against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<Ripoff>(Cycle("CD"), 12) == Moves("DC CD CC CD DC CD DC CD DC CD DC CD"));
  CHECK(play<Ripoff>(Cycle("D"), 8) == Moves("DD CD DD DD DD DD DD DD"));
  CHECK(
      play<Ripoff>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC CC DD CD DC CD DC CC CD DD DD DC CD DD DC CC CC CD DC CC CD DC CD DD DC CC CC CC"));
}

TEST_CASE("fsm_players: SolutionB1 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<SolutionB1>(Cycle("CD"), 12) == Moves("DC DD CC CD CC CD CC CD CC CD CC CD"));
  CHECK(play<SolutionB1>(Cycle("D"), 8) == Moves("DD DD DD DD DD DD DD DD"));
  CHECK(
      play<SolutionB1>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC DC CD CD CC CD CC CC CD CD CD CC CD CD CC CC CC CD CC CC CD CC CD CD CC CC CC CC"));
}

TEST_CASE("fsm_players: SolutionB5 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<SolutionB5>(Cycle("CD"), 12) == Moves("DC CD DC CD DC DD DC CD DC CD DC CD"));
  CHECK(play<SolutionB5>(Cycle("D"), 8) == Moves("DD DD DD DD DD DD DD DD"));
  CHECK(
      play<SolutionB5>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC CC CD DD DC CD DC CC CD DD DD DC DD DD DC CC CC CD DC CC CD DC CD DD DC CC CC CC"));
}

TEST_CASE("fsm_players: TF1 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<TF1>(Cycle("CD"), 12) == Moves("CC CD DC DD DC DD DC DD DC CD DC DD"));
  CHECK(play<TF1>(Cycle("D"), 8) == Moves("CD CD DD DD DD DD DD DD"));
  CHECK(
      play<TF1>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC DD CD DC DD CC DC DD DD DD DC DD DD DC DC DC DD DC DC CD CC DD DD DC DC DC DC"));
}

TEST_CASE("fsm_players: TF2 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<TF2>(Cycle("CD"), 12) == Moves("CC DD DC CD DC DD DC DD DC DD DC DD"));
  CHECK(play<TF2>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<TF2>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC DC CD DD DC DD DC DC DD DD DD DC DD DD CC CC CC CD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("fsm_players: TF3 against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<TF3>(Cycle("CD"), 12) == Moves("CC CD CC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<TF3>(Cycle("D"), 8) == Moves("CD CD DD DD DD DD DD DD"));
  CHECK(
      play<TF3>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD CD DC DD DC DC DD DD DD DC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("fsm_players: Thumper against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<Thumper>(Cycle("CD"), 12) == Moves("CC CD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<Thumper>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<Thumper>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC CD DC DC CD DD DD DC DD DD DC CC CC CD DC DC CD DC DD DD DC CC CC CC"));
}

TEST_CASE("fsm_players: UsuallyCooperates against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<UsuallyCooperates>(Cycle("CD"), 12) == Moves("CC CD CC DD CC DD CC DD CC DD CC DD"));
  CHECK(play<UsuallyCooperates>(Cycle("D"), 8) == Moves("CD CD CD CD CD CD CD CD"));
  CHECK(
      play<UsuallyCooperates>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD CD CC CD CC DC CD CD CD CC DD CD CC CC CC CD CC DC CD CC DD CD CC CC CC CC"));
}

TEST_CASE("fsm_players: UsuallyDefects against fixed opponents", "[strategy][fsm_players]") {
  CHECK(play<UsuallyDefects>(Cycle("CD"), 12) == Moves("DC DD CC DD CC DD CC DD CC DD CC DD"));
  CHECK(play<UsuallyDefects>(Cycle("D"), 8) == Moves("DD DD DD DD DD DD DD DD"));
  CHECK(
      play<UsuallyDefects>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC DC DD DD DC DD CC DC DD DD DD DC DD CD DC DC DC DD CC DC DD DC DD CD DC DC DC DC"));
}
