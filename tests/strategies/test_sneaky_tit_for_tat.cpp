#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/sneaky_tit_for_tat.hpp"
#include "strategies/tit_for_tat.hpp"

using namespace kindest::testing;
using kindest::strategies::SneakyTitForTat;
using kindest::strategies::TitForTat;

TEST_CASE("sneaky_tit_for_tat: moves against fixed opponents", "[strategy][sneaky_tit_for_tat]") {
  CHECK(play<SneakyTitForTat>(Cycle("C"), 5) == Moves("CC CC DC DC DC"));
  // Punished for the move-3 defection: repents, then tit for tat.
  CHECK(play<SneakyTitForTat>(TitForTat{}, 7) == Moves("CC CC DC DD CD CC CC"));
  // Against constant defection the repentance rule (own D two moves back) makes D, D, C, C cycles.
  CHECK(play<SneakyTitForTat>(Cycle("D"), 8) == Moves("CD CD DD DD CD CD DD DD"));
}
