// Pinned moves of grudgers.hpp's strategies against fixed opponents. The expected strings were
// recorded from the Axelrod library v4.13.0 (its own matches, lengths told to the players), which
// Kindest follows; tokens are (own, opponent).
#include <catch2/catch.hpp>

#include "strategies/grudgers.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("grudgers: Aggravater against fixed opponents", "[strategy][grudgers]") {
  CHECK(play<Aggravater>(Cycle("CD"), 12) == Moves("DC DD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<Aggravater>(Cycle("D"), 8) == Moves("DD DD DD DD DD DD DD DD"));
  CHECK(
      play<Aggravater>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC DC DD DD DC DD DC DC DD DD DD DC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("grudgers: SpitefulCC against fixed opponents", "[strategy][grudgers]") {
  CHECK(play<SpitefulCC>(Cycle("CD"), 12) == Moves("CC CD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<SpitefulCC>(Cycle("D"), 8) == Moves("CD CD DD DD DD DD DD DD"));
  CHECK(
      play<SpitefulCC>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC DD DC DC DD DD DD DC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("grudgers: OppositeGrudger against fixed opponents", "[strategy][grudgers]") {
  CHECK(play<OppositeGrudger>(Cycle("CD"), 12) == Moves("DC CD CC CD CC CD CC CD CC CD CC CD"));
  CHECK(play<OppositeGrudger>(Cycle("D"), 8) == Moves("DD DD DD DD DD DD DD DD"));
  CHECK(
      play<OppositeGrudger>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC CC CD CD CC CD CC CC CD CD CD CC CD CD CC CC CC CD CC CC CD CC CD CD CC CC CC CC"));
}

TEST_CASE("grudgers: EasyGo against fixed opponents", "[strategy][grudgers]") {
  CHECK(play<EasyGo>(Cycle("CD"), 12) == Moves("DC DD CC CD CC CD CC CD CC CD CC CD"));
  CHECK(play<EasyGo>(Cycle("D"), 8) == Moves("DD CD CD CD CD CD CD CD"));
  CHECK(
      play<EasyGo>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("DC DC DD CD CC CD CC CC CD CD CD CC CD CD CC CC CC CD CC CC CD CC CD CD CC CC CC CC"));
}

TEST_CASE("grudgers: GrudgerAlternator against fixed opponents", "[strategy][grudgers]") {
  CHECK(play<GrudgerAlternator>(Cycle("CD"), 12) == Moves("CC CD DC CD DC CD DC CD DC CD DC CD"));
  CHECK(play<GrudgerAlternator>(Cycle("D"), 8) == Moves("CD DD CD DD CD DD CD DD"));
  CHECK(
      play<GrudgerAlternator>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD CC DD CC DC CD DD CD DC CD DD CC DC CC DD CC DC CD DC CD DD CC DC CC DC"));
}

TEST_CASE("grudgers: GeneralSoftGrudger against fixed opponents", "[strategy][grudgers]") {
  CHECK(play<GeneralSoftGrudger>(Cycle("CD"), 12) == Moves("CC CD DC DD DC DD CC CD DC DD DC DD"));
  CHECK(play<GeneralSoftGrudger>(Cycle("D"), 8) == Moves("CD DD DD DD DD CD CD DD"));
  CHECK(
      play<GeneralSoftGrudger>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC DD DC CC CD DD DD DC DD CD CC CC CC CD DC DC DD DC CD CD DC DC DC DC"));
}

TEST_CASE("grudgers: SoftGrudger against fixed opponents", "[strategy][grudgers]") {
  CHECK(play<SoftGrudger>(Cycle("CD"), 12) == Moves("CC CD DC DD DC DD CC CD DC DD DC DD"));
  CHECK(play<SoftGrudger>(Cycle("D"), 8) == Moves("CD DD DD DD DD CD CD DD"));
  CHECK(
      play<SoftGrudger>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC DD DC CC CD DD DD DC DD CD CC CC CC CD DC DC DD DC CD CD DC DC DC DC"));
}

TEST_CASE("grudgers: Capri against fixed opponents", "[strategy][grudgers]") {
  CHECK(play<Capri>(Cycle("CD"), 12) == Moves("CC CD DC CD DC DD DC DD DC DD DC DD"));
  CHECK(play<Capri>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<Capri>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC DD DC DC DD DD DD DC CD DD DC DC DC DD DC DC DD DC DD DD DC CC CC CC"));
}
