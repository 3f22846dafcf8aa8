#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "strategies/first_by_graaskamp.hpp"
#include "strategies/play.hpp"
#include "strategies/tit_for_tat.hpp"

using namespace kindest::testing;
using kindest::strategies::FirstByGraaskamp;
using kindest::strategies::TitForTat;

TEST_CASE("first_by_graaskamp: moves against fixed opponents", "[strategy][first_by_graaskamp]") {
  // Tit for tat with a defection on move 51.
  CHECK(play<FirstByGraaskamp>(Cycle("C"), 56, 1) ==
        Moves(repeat("CC", 50) + "DC " + repeat("CC", 5)));
  // A tit-for-tat opponent is recognised and mirrored: the move-51 defection echoes forever.
  CHECK(play<FirstByGraaskamp>(TitForTat{}, 70, 1) ==
        Moves(repeat("CC", 50) + "DC " + repeat("CD DC ", 9) + "CD"));
  // 28 C / 28 D looks random: defect from move 57 on.
  CHECK(play<FirstByGraaskamp>(Cycle("CD"), 60, 1) ==
        Moves("CC " + repeat("CD DC ", 27) + "CD DC DD DC DD"));
}

TEST_CASE("first_by_graaskamp: defects every 5 to 14 moves against a non-random opponent",
          "[strategy][first_by_graaskamp]") {
  std::vector<std::size_t> gaps;
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const std::string t = play<FirstByGraaskamp>(Cycle("C"), 2000, seed);
    std::size_t last = 56;  // the schedule starts from the first move after the probe phase
    for (std::size_t k = 56; k < 2000; ++k) {
      if (t[3 * k] != 'D') continue;
      gaps.push_back(k - last);
      last = k;
    }
  }
  REQUIRE(gaps.size() > 1500);
  double sum = 0;
  for (auto g : gaps) {
    CHECK(g >= 5);
    CHECK(g <= 14);
    sum += static_cast<double>(g);
  }
  // Uniform on 5..14 (the Axelrod library's randint(5, 15)): mean 9.5, variance (10^2 - 1) / 12.
  const auto n = static_cast<double>(gaps.size());
  CHECK(std::abs(sum / n - 9.5) < 4 * std::sqrt(99.0 / 12.0 / n));
}
