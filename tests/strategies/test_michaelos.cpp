#include <catch2/catch.hpp>

#include "strategies/frequency.hpp"
#include "strategies/michaelos.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Michaelos;

TEST_CASE("michaelos: moves against fixed opponents", "[strategy][michaelos]") {
  // Tit for tat, and D on the last move of a known length.
  CHECK(play<Michaelos>(Cycle("C"), 4) == Moves("CC CC CC DC"));
  CHECK(play<Michaelos>(Cycle("D"), 4) == Moves("CD DD DD DD"));
  CHECK(play_within(Michaelos{}, Cycle("C"), 4, {.length = std::nullopt}) == Moves("CC CC CC CC"));
}

TEST_CASE("michaelos: after DC a coin decides between C and defecting for good",
          "[strategy][michaelos]") {
  // Against C, D, C, D, ...: moves 1 to 3 are C, C, D; then every odd move follows DC and is a
  // coin until it comes up D, after which it defects to the end.
  long heads = 0;
  long tosses = 0;
  for (std::uint64_t seed = 0; seed < 2000; ++seed) {
    const std::string m = play_within(Michaelos{}, Cycle("CD"), 40, {.length = 1000}, seed);
    REQUIRE(m.substr(0, 8) == Moves("CC CD DC"));
    bool defecting = false;
    for (std::size_t t = 3; t < 40; ++t) {
      INFO("seed " << seed << ", turn " << t);
      const char own = m[3 * t];
      if (defecting) {
        CHECK(own == 'D');
      } else if (t % 2 == 1) {
        ++tosses;
        heads += own == 'C';
        defecting = own == 'D';
      } else {
        CHECK(own == 'D');  // tit for tat after the opponent's D
      }
    }
  }
  CHECK(within_4_se({static_cast<double>(heads) / static_cast<double>(tosses), tosses}, 0.5));
}
