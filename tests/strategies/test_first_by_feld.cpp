#include <catch2/catch.hpp>

#include <cmath>

#include "strategies/first_by_feld.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByFeld;

namespace {

// Cooperations among own moves [from, to) of a play() transcript.
int own_cooperations(const std::string& transcript, std::size_t from, std::size_t to) {
  int n = 0;
  for (std::size_t k = from; k < to; ++k) n += transcript[3 * k] == 'C';
  return n;
}

}  // namespace

TEST_CASE("first_by_feld: moves against fixed opponents", "[strategy][first_by_feld]") {
  CHECK(play<FirstByFeld>(Cycle("D"), 4) == Moves("CD DD DD DD"));
  // A defection by the opponent is always answered, whatever the seed.
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const std::string t = play<FirstByFeld>(Cycle("CD"), 300, seed);
    for (std::size_t k = 2; k < 300; k += 2) CHECK(t[3 * k] == 'D');
  }
}

TEST_CASE("first_by_feld: forgiveness declines to one half", "[strategy][first_by_feld]") {
  // From move 201 on it cooperates after a cooperation with probability exactly 1/2.
  const std::string late = play<FirstByFeld>(Cycle("C"), 10200, 3);
  const double n = 10000;
  CHECK(std::abs(own_cooperations(late, 200, 10200) / n - 0.5) < 4 * std::sqrt(0.25 / n));
  // Moves 2..41: p = 1 - t/400 for t = 1..40, mean 0.94875.
  int early = 0;
  for (std::uint64_t seed = 0; seed < 250; ++seed)
    early += own_cooperations(play<FirstByFeld>(Cycle("C"), 41, seed), 1, 41);
  const double p = 1 - 20.5 / 400;
  CHECK(std::abs(early / n - p) < 4 * std::sqrt(p * (1 - p) / n));
}
