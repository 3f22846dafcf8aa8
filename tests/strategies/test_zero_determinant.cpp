#include <catch2/catch.hpp>

#include "engine/core/errors.hpp"
#include "strategies/cooperator.hpp"
#include "strategies/play.hpp"
#include "strategies/registry.hpp"
#include "strategies/zero_determinant.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

namespace {

void check_vector(const kindest::Strategy& s, std::array<double, 4> p) {
  const auto v = s.memory_one();
  REQUIRE(v);
  for (std::size_t i = 0; i < 4; ++i) {
    INFO("p" << i + 1);
    CHECK(v->p[i] == Approx(p[i]).margin(1e-15));
  }
  CHECK(v->first == 1);
}

}  // namespace

TEST_CASE("zero_determinant: published vectors", "[strategy][zero_determinant]") {
  check_vector(ZeroDeterminant(3, 1.0 / 26), {11.0 / 13, 0.5, 7.0 / 26, 0});
  check_vector(*make("ZeroDeterminant(3, 1/26)"), {11.0 / 13, 0.5, 7.0 / 26, 0});
  check_vector(ZDExtort2{}, {8.0 / 9, 0.5, 1.0 / 3, 0});
  check_vector(*make("ZeroDeterminant(2,1/18,3,0,5,1)"), {8.0 / 9, 0.5, 1.0 / 3, 0});
  check_vector(ZDExtort3{}, {11.0 / 13, 0.5, 7.0 / 26, 0});
  check_vector(ZDExtort4{}, {11.0 / 17, 0, 8.0 / 17, 0});
  CHECK(ZDExtort4{}.memory_one()->p[1] == 0.0);  // exactly: it never forgives a sucker's payoff
  check_vector(ZDGTFT2{}, {1, 1.0 / 8, 1, 1.0 / 4});
}

TEST_CASE("zero_determinant: extort-3 against ALLC enforces s_X - P = 3 (s_Y - P)",
          "[strategy][zero_determinant]") {
  // Long-run payoffs 41/11 and 21/11 (references.md); a 2e5-turn average lands within 0.05.
  const std::string moves = play(ZDExtort3{}, Cooperator{}, 200000, 11);
  double own = 0;
  double other = 0;
  long turns = 0;
  for (std::size_t at = 0; at < moves.size(); at += 3, ++turns) {
    const bool defected = moves[at] == 'D';
    own += defected ? 5 : 3;
    other += defected ? 0 : 3;
  }
  CHECK(own / static_cast<double>(turns) == Approx(41.0 / 11).margin(0.05));
  CHECK(other / static_cast<double>(turns) == Approx(21.0 / 11).margin(0.05));
}

TEST_CASE("zero_determinant: invalid specs name the allowed range",
          "[strategy][zero_determinant]") {
  // For chi = 3 in (3,0,5,1) the bound is min(1/4, 1/13, 1/7) = 1/13.
  CHECK_THROWS_WITH(make("ZeroDeterminant(3, 0.1)"),
                    Catch::Contains("phi = 0.1 is outside (0, 0.0769231]"));
  CHECK_THROWS_WITH(make("ZeroDeterminant(3, 0)"), Catch::Contains("outside (0, 0.0769231]"));
  CHECK_THROWS_WITH(make("ZeroDeterminant(0.5, 0.01)"), Catch::Contains("chi must be >= 1"));
  CHECK_THROWS_WITH(make("ZeroDeterminant(2,0.01,1,0,5,3)"), Catch::Contains("T > R > P > S"));
  for (const char* spec :
       {"ZeroDeterminant(3)", "ZeroDeterminant(3,1/26,3,0,5)", "ZeroDeterminant(three,0.01)"}) {
    INFO(spec);
    CHECK_THROWS_AS(make(spec), kindest::StrategyError);
  }
  CHECK_THROWS_AS(ZeroDeterminant(2, 0.2), kindest::StrategyError);
  CHECK(ZeroDeterminant::max_phi(4, {}) == Approx(1.0 / 17));
}
