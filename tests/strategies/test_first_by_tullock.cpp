#include <catch2/catch.hpp>

#include <cmath>

#include "strategies/first_by_tullock.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByTullock;

namespace {

double own_cooperation_share(const std::string& transcript, std::size_t from, std::size_t to) {
  int n = 0;
  for (std::size_t k = from; k < to; ++k) n += transcript[3 * k] == 'C';
  return n / static_cast<double>(to - from);
}

}  // namespace

TEST_CASE("first_by_tullock: moves against fixed opponents", "[strategy][first_by_tullock]") {
  // Eleven cooperations, then probability max(0, 0 - 0.1) = 0.
  CHECK(play<FirstByTullock>(Cycle("D"), 14) == Moves("CD CD CD CD CD CD CD CD CD CD CD DD DD DD"));
  CHECK(play<FirstByTullock>(Cycle("C"), 11, 5) == Moves("CC CC CC CC CC CC CC CC CC CC CC"));
}

TEST_CASE("first_by_tullock: cooperates 10% less than the opponent's last ten moves",
          "[strategy][first_by_tullock]") {
  const double n = 10000;
  const double p_all = 0.9;
  CHECK(std::abs(own_cooperation_share(play<FirstByTullock>(Cycle("C"), 10011, 1), 11, 10011) -
                 p_all) < 4 * std::sqrt(p_all * (1 - p_all) / n));
  // Any ten consecutive moves of Cycle("CD") hold five cooperations.
  const double p_half = 0.4;
  CHECK(std::abs(own_cooperation_share(play<FirstByTullock>(Cycle("CD"), 10011, 2), 11, 10011) -
                 p_half) < 4 * std::sqrt(p_half * (1 - p_half) / n));
}
