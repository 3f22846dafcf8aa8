#include <catch2/catch.hpp>

#include "engine/core/errors.hpp"
#include "strategies/frequency.hpp"
#include "strategies/memory_one.hpp"
#include "strategies/play.hpp"
#include "strategies/registry.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("memory_one: deterministic vectors", "[strategy][memory_one]") {
  const auto wsls = make("MemoryOne(1,0,0,1)");
  CHECK(play(*wsls, Cycle("CD"), 6) == Moves("CC CD DC DD CC CD"));
  const auto v = wsls->memory_one();
  REQUIRE(v);
  CHECK(v->p == std::array<double, 4>{1, 0, 0, 1});
  CHECK(v->first == 1);
  // The fifth number is the first move: here WSLS opening with D, which locks in against ALLC.
  CHECK(play(*make("MemoryOne(1, 0, 0, 1, 0)"), Cycle("C"), 3) == Moves("DC DC DC"));
  CHECK(make("MemoryOne(1,1/2,0,0.25)")->memory_one()->p[1] == 0.5);
}

TEST_CASE("memory_one: stochastic frequencies", "[strategy][memory_one]") {
  // Against ALLC only the CC and DC entries are used.
  const auto s = make("MemoryOne(0.9,0.2,0.6,0.1,0.5)");
  const std::string moves = play(*s, Cycle("C"), 10000, 42);
  CHECK(within_4_se(cooperation_after(moves, "CC"), 0.9));
  CHECK(within_4_se(cooperation_after(moves, "DC"), 0.6));
  // Against ALLD the CD and DD entries.
  const std::string against_alld = play(*s, Cycle("D"), 10000, 43);
  CHECK(within_4_se(cooperation_after(against_alld, "CD"), 0.2));
  CHECK(within_4_se(cooperation_after(against_alld, "DD"), 0.1));
}

TEST_CASE("memory_one: invalid specs", "[strategy][memory_one]") {
  for (const char* spec :
       {"MemoryOne()", "MemoryOne(1,0,0)", "MemoryOne(1,0,0,1,1,1)", "MemoryOne(1,0,x,1)",
        "MemoryOne(-0.1,0,0,1)", "MemoryOne(1,0,0,1/0)", "MemoryOne(1,0,0,1,2)"}) {
    INFO(spec);
    CHECK_THROWS_AS(make(spec), kindest::StrategyError);
  }
  CHECK_THROWS_WITH(make("MemoryOne(1,0,0,1.5)"),
                    Catch::Contains("pDD = 1.5 is outside [0, 1]") &&
                        Catch::Contains("syntax: MemoryOne(pCC,pCD,pDC,pDD[,first])"));
  CHECK_THROWS_AS(MemoryOne(kindest::MemoryOneVector{{1, 0, 0, 2}, 1}), kindest::StrategyError);
}
