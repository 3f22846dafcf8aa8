#include <catch2/catch.hpp>

#include "engine/core/errors.hpp"
#include "strategies/cycler.hpp"
#include "strategies/play.hpp"
#include "strategies/registry.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("cycler: named cycles", "[strategy][cycler]") {
  CHECK(play<CyclerCCD>(Cycle("D"), 7) == Moves("CD CD DD CD CD DD CD"));
  CHECK(play<CyclerDDC>(Cycle("C"), 4) == Moves("DC DC CC DC"));
  CHECK(play<CyclerDC>(Cycle("C"), 3) == Moves("DC CC DC"));
  CHECK(play<CyclerCCCD>(Cycle("D"), 5) == Moves("CD CD CD DD CD"));
  CHECK(play<CyclerCCCCCD>(Cycle("C"), 7) == Moves("CC CC CC CC CC DC CC"));
  CHECK(play<CyclerCCCDCD>(Cycle("C"), 7) == Moves("CC CC CC DC CC DC CC"));
}

TEST_CASE("cycler: family specs", "[strategy][cycler]") {
  const auto& r = registry();
  const auto p = r.make_player("Cycler(CCDD)");
  CHECK(p.name == "Cycler(CCDD)");
  CHECK(play(*p.prototype, Cycle("C"), 5) == Moves("CC CC DC DC CC"));
  CHECK(play(*r.make_player("cycler( d )").prototype, Cycle("C"), 2) == Moves("DC DC"));
  CHECK_THROWS_AS(r.make_player("Cycler()"), kindest::StrategyError);
  CHECK_THROWS_AS(r.make_player("Cycler(CXD)"), kindest::StrategyError);
  CHECK_THROWS_WITH(r.make_player("Cycler(C1)"), Catch::Contains("only C and D"));
}
