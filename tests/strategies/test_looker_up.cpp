#include <catch2/catch.hpp>

#include "engine/core/errors.hpp"
#include "strategies/looker_up.hpp"
#include "strategies/play.hpp"
#include "strategies/registry.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("looker_up: classic rules as tables", "[strategy][looker_up]") {
  const auto wsls = make("LookerUp(1,1,C,CDDC)");
  CHECK(play(*wsls, Cycle("CD"), 6) == Moves("CC CD DC DD CC CD"));
  CHECK(wsls->memory_one()->p == std::array<double, 4>{1, 0, 0, 1});
  CHECK(wsls->memory_one()->first == 1);
  CHECK(play(*make("LookerUp(0,1,C,CD)"), Script("CCDDC"), 5) == Moves("CC CC CD DD DC"));
  // Tit For Two Tats: only the opponent's DD (index 3) answers D.
  CHECK(play(*make("LookerUp(0,2,CC,CCCD)"), Script("DDCDDD"), 6) == Moves("CD CD DC CD CD DD"));
  CHECK(play(*make("LookerUp(0,0,,D)"), Cycle("C"), 3) == Moves("DC DC DC"));
  CHECK(make("LookerUp(0,0,,D)")->memory_one()->p == std::array<double, 4>{0, 0, 0, 0});
  CHECK_FALSE(make("LookerUp(0,2,CC,CCCD)")->memory_one());
}

TEST_CASE("looker_up: index order", "[strategy][looker_up]") {
  // Own moves are the high digits: CCDD repeats its own last move (always C here); were the
  // opponent's move the high digit it would be Tit For Tat.
  CHECK(play(*make("LookerUp(1,1,C,CCDD)"), Cycle("D"), 3) == Moves("CD CD CD"));
  // Oldest move first: DCDC cooperates iff its own last move was D, so it alternates from the
  // opening CD. With newest first it would read the move before last instead.
  CHECK(play(*make("LookerUp(2,0,CD,DCDC)"), Cycle("C"), 6) == Moves("CC DC CC DC CC DC"));
}

TEST_CASE("looker_up: invalid specs", "[strategy][looker_up]") {
  for (const char* spec : {"LookerUp(1,1,C,CDD)", "LookerUp(1,1,,CDDC)", "LookerUp(1,1,C,CXDC)",
                           "LookerUp(9,9,CCCCCCCCC,C)", "LookerUp(-1,1,C,CD)", "LookerUp(1,1,C)",
                           "LookerUp(a,1,C,CD)", "LookerUp(0,1,CC,CD)"}) {
    INFO(spec);
    CHECK_THROWS_AS(make(spec), kindest::StrategyError);
  }
  CHECK_THROWS_WITH(make("LookerUp(1,1,C,CDD)"), Catch::Contains("TABLE = 'CDD' must have 4"));
}
