#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/errors.hpp"
#include "strategies/play.hpp"
#include "strategies/random.hpp"
#include "strategies/registry.hpp"

using namespace kindest::testing;
using kindest::StrategyError;
using kindest::strategies::Random;

namespace {

double cooperation_share(const kindest::Strategy& player, std::uint64_t seed) {
  const std::string t = play(player, Cycle("CD"), 10000, seed);
  int cooperations = 0;
  for (std::size_t k = 0; k < 10000; ++k) cooperations += t[3 * k] == 'C';
  return cooperations / 10000.0;
}

}  // namespace

TEST_CASE("random: cooperation frequency", "[strategy][random]") {
  const double n = 10000;
  CHECK(std::abs(cooperation_share(Random{}, 1) - 0.5) < 4 * std::sqrt(0.25 / n));
  CHECK(std::abs(cooperation_share(Random{0.2}, 2) - 0.2) < 4 * std::sqrt(0.2 * 0.8 / n));
  CHECK(play(Random{0.0}, Cycle("C"), 4, 3) == Moves("DC DC DC DC"));
  CHECK(play(Random{1.0}, Cycle("D"), 4, 3) == Moves("CD CD CD CD"));
}

TEST_CASE("random: the Random(P) family", "[strategy][random]") {
  CHECK(Random::from_args("0.25").p() == 0.25);
  CHECK(Random::from_args("1").p() == 1.0);
  for (const char* bad : {"", "x", "1.5", "-0.1", "0.5x", "nan"})
    CHECK_THROWS_AS(Random::from_args(bad), StrategyError);
  const auto& registry = kindest::strategies::registry();
  CHECK(registry.make_player("Random(0.3)").name == "Random(0.3)");
  CHECK_THROWS_AS(registry.make_player("Random(2)"), StrategyError);
}
