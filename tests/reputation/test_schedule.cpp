#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "engine/reputation/schedule.hpp"

using namespace kindest;
using namespace kindest::reputation;

TEST_CASE("schedule: sweeps, all pairs and random pairs", "[reputation]") {
  Stream rng(9, Purpose::simulation_check);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::uint32_t n : {2u, 3u, 10u, 101u}) {
    draw_schedule(Interaction::sweeps, n, rng, pairs);
    REQUIRE(pairs.size() == n);
    std::vector<int> as_donor(n), as_recipient(n);
    for (auto [d, r] : pairs) {
      CHECK(d != r);
      ++as_donor[d];
      ++as_recipient[r];
    }
    for (std::uint32_t i = 0; i < n; ++i) CHECK((as_donor[i] == 1 && as_recipient[i] == 1));
    draw_schedule(Interaction::all_pairs, n, rng, pairs);
    std::set<std::pair<std::uint32_t, std::uint32_t>> unique(pairs.begin(), pairs.end());
    CHECK(pairs.size() == std::size_t{n} * (n - 1));
    CHECK(unique.size() == pairs.size());
    for (auto [d, r] : pairs) CHECK((d != r && d < n && r < n));
    draw_schedule(Interaction::random_pairs, n, rng, pairs);
    CHECK(pairs.size() == n);
    for (auto [d, r] : pairs) CHECK((d != r && d < n && r < n));
  }
  // Sweeps of 3: the derangement is one of the two 3-cycles, each half the time.
  int first = 0;
  const int trials = 4000;
  for (int t = 0; t < trials; ++t) {
    draw_schedule(Interaction::sweeps, 3, rng, pairs);
    // Recipient of the first donor, relative to the donor order, tells the two apart.
    first += int(pairs[1].first == pairs[0].second);
  }
  CHECK(std::abs(first / double(trials) - 0.5) < 0.04);
}

TEST_CASE("schedule: the tabled drawer gives draw_schedule's pairs and leaves the same stream",
          "[reputation]") {
  // Sizes around the packing's edges: 2 and 3 (bounds of 1 and 2), 50 and 65, 1000, and one
  // large enough that groups are short.
  for (const auto interaction :
       {Interaction::sweeps, Interaction::random_pairs, Interaction::all_pairs}) {
    for (std::uint32_t n : {2u, 3u, 4u, 50u, 65u, 1000u, 70001u}) {
      if (interaction == Interaction::all_pairs && n > 1000) continue;
      INFO("interaction " << int(interaction) << " n " << n);
      ScheduleDrawer drawer(interaction, n);
      std::vector<std::pair<std::uint32_t, std::uint32_t>> expected, got;
      for (std::uint64_t round = 0; round < 20; ++round) {
        Stream a(5, Purpose::simulation_check, n, round), b = a;
        draw_schedule(interaction, n, a, expected);
        drawer.draw(b, got);
        REQUIRE(got == expected);
        REQUIRE(a.bits() == b.bits());
      }
    }
  }
}
