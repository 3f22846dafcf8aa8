// Pinned moves of tit_for_tat_variants.hpp's strategies against fixed opponents. The expected
// strings were recorded from the Axelrod library v4.13.0 (its own matches, lengths told to the
// players), which Kindest follows; tokens are (own, opponent).
#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/tit_for_tat_variants.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("tit_for_tat_variants: AdaptiveTitForTat against fixed opponents",
          "[strategy][tit_for_tat_variants]") {
  CHECK(play<AdaptiveTitForTat>(Cycle("CD"), 12) == Moves("CC CD DC CD DC CD DC CD DC CD DC CD"));
  CHECK(play<AdaptiveTitForTat>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<AdaptiveTitForTat>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC CD DC CC CD DD DD DC CD DD DC CC CC CD DC CC CD DC CD DD DC CC CC CC"));
}

TEST_CASE("tit_for_tat_variants: Alexei against fixed opponents",
          "[strategy][tit_for_tat_variants]") {
  CHECK(play<Alexei>(Cycle("CD"), 12) == Moves("CC CD DC CD DC CD DC CD DC CD DC DD"));
  CHECK(play<Alexei>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<Alexei>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC CD DC CC CD DD DD DC CD DD DC CC CC CD DC CC CD DC CD DD DC CC CC DC"));
}

TEST_CASE("tit_for_tat_variants: EugineNier against fixed opponents",
          "[strategy][tit_for_tat_variants]") {
  CHECK(play<EugineNier>(Cycle("CD"), 12) == Moves("CC CD DC CD DC CD DC CD DC CD DC DD"));
  CHECK(play<EugineNier>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<EugineNier>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC CD DC CC CD DD DD DC DD DD DC DC DC DD DC DC DD DC DD DD DC DC DC DC"));
}

TEST_CASE("tit_for_tat_variants: ContriteTitForTat against fixed opponents",
          "[strategy][tit_for_tat_variants]") {
  CHECK(play<ContriteTitForTat>(Cycle("CD"), 12) == Moves("CC CD DC CD DC CD DC CD DC CD DC CD"));
  CHECK(play<ContriteTitForTat>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<ContriteTitForTat>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC CD DC CC CD DD DD DC CD DD DC CC CC CD DC CC CD DC CD DD DC CC CC CC"));
}

TEST_CASE("tit_for_tat_variants: SlowTitForTwoTats2 against fixed opponents",
          "[strategy][tit_for_tat_variants]") {
  CHECK(play<SlowTitForTwoTats2>(Cycle("CD"), 12) == Moves("CC CD CC CD CC CD CC CD CC CD CC CD"));
  CHECK(play<SlowTitForTwoTats2>(Cycle("D"), 8) == Moves("CD CD DD DD DD DD DD DD"));
  CHECK(
      play<SlowTitForTwoTats2>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD CD DC DD DC DC CD CD DD DC DD DD DC DC CC CD CC CC CD CC CD CD DC DC CC CC"));
}

TEST_CASE("tit_for_tat_variants: NTitsForMTats against fixed opponents",
          "[strategy][tit_for_tat_variants]") {
  CHECK(play<NTitsForMTats>(Cycle("CD"), 12) == Moves("CC CD CC CD CC CD CC CD CC CD CC CD"));
  CHECK(play<NTitsForMTats>(Cycle("D"), 8) == Moves("CD CD DD DD DD DD DD DD"));
  CHECK(
      play<NTitsForMTats>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD CD DC DD DC CC CD CD DD DC DD DD DC DC DC CD CC CC CD CC CD CD DC DC DC CC"));
}

TEST_CASE("tit_for_tat_variants: ForgivingTitForTat against fixed opponents",
          "[strategy][tit_for_tat_variants]") {
  CHECK(play<ForgivingTitForTat>(Cycle("CD"), 12) == Moves("CC CD DC CD DC CD DC CD DC CD DC CD"));
  CHECK(play<ForgivingTitForTat>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(
      play<ForgivingTitForTat>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD DC CD DC CC CD DD DD DC CD DD DC CC CC CD DC CC CD DC CD DD DC CC CC CC"));
}

TEST_CASE("tit_for_tat_variants: OriginalGradual against fixed opponents",
          "[strategy][tit_for_tat_variants]") {
  CHECK(play<OriginalGradual>(Cycle("CD"), 12) == Moves("CC CD DC CD CC CD DC DD CC CD DC DD"));
  CHECK(play<OriginalGradual>(Cycle("D"), 8) == Moves("CD DD CD CD DD DD CD CD"));
  CHECK(
      play<OriginalGradual>(Script("CCDDCDCCDDDCDDCCCDCCDCDDCCCC"), 28) ==
      Moves("CC CC CD DD CC CD DC DC CD CD DD DC DD CD CC CC CC CD DC DC DD DC CD CD DC DC DC DC"));
}
