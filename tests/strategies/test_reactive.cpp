#include <catch2/catch.hpp>

#include "engine/core/errors.hpp"
#include "strategies/frequency.hpp"
#include "strategies/play.hpp"
#include "strategies/reactive.hpp"
#include "strategies/registry.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("reactive: deterministic corners", "[strategy][reactive]") {
  const auto tft = make("Reactive(1,1,0)");
  CHECK(play(*tft, Cycle("CD"), 5) == Moves("CC CD DC CD DC"));
  CHECK(tft->memory_one()->p == std::array<double, 4>{1, 0, 1, 0});
  // y = 0 opens with a defection: Suspicious Tit For Tat.
  CHECK(play(*make("Reactive(0,1,0)"), Cycle("C"), 3) == Moves("DC CC CC"));
}

TEST_CASE("reactive: forgiveness frequency", "[strategy][reactive]") {
  const std::string moves = play(*make("Reactive(1,1,0.25)"), Cycle("D"), 10000, 7);
  CHECK(within_4_se(cooperation_after(moves, ""), 0.25));
}

TEST_CASE("reactive: invalid specs", "[strategy][reactive]") {
  for (const char* spec :
       {"Reactive(1,1)", "Reactive(1,1,0,0)", "Reactive(2,1,0)", "Reactive(1,p,0)"}) {
    INFO(spec);
    CHECK_THROWS_AS(make(spec), kindest::StrategyError);
  }
}

TEST_CASE("gtft: default q = 1/3 and the GTFT(q) family", "[strategy][gtft]") {
  const auto v = GTFT{}.memory_one();
  REQUIRE(v);
  CHECK(v->p[0] == 1);
  CHECK(v->p[1] == Approx(1.0 / 3.0));
  CHECK(v->p[2] == 1);
  CHECK(v->p[3] == Approx(1.0 / 3.0));
  CHECK(v->first == 1);
  // Never defects first, and never draws while the opponent cooperates.
  CHECK(play<GTFT>(Cycle("C"), 5, 99) == Moves("CC CC CC CC CC"));
  CHECK(within_4_se(cooperation_after(play<GTFT>(Cycle("D"), 10000, 3), ""), 1.0 / 3.0));

  const auto named = registry().make_player("GTFT");
  CHECK(named.name == "GTFT");
  CHECK(named.prototype->memory_one()->p[1] == Approx(1.0 / 3.0));
  const auto family = registry().make_player("GTFT(0.1)");
  CHECK(family.name == "GTFT(0.1)");
  CHECK(family.prototype->memory_one()->p == std::array<double, 4>{1, 0.1, 1, 0.1});
  CHECK_THROWS_AS(make("GTFT(1.5)"), kindest::StrategyError);
  CHECK_THROWS_AS(make("GTFT(0.1,0.2)"), kindest::StrategyError);
}
