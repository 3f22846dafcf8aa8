#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
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

namespace {

// Pearson's chi-square of observed counts against expected probabilities.
double chi_square(const std::vector<double>& observed, const std::vector<double>& probability) {
  double total = 0, x = 0;
  for (const double o : observed) total += o;
  for (std::size_t k = 0; k < observed.size(); ++k) {
    const double e = total * probability[k];
    x += (observed[k] - e) * (observed[k] - e) / e;
  }
  return x;
}

std::uint32_t cycles_of(const std::vector<std::uint32_t>& p) {
  std::vector<bool> seen(p.size());
  std::uint32_t cycles = 0;
  for (std::uint32_t i = 0; i < p.size(); ++i) {
    if (seen[i]) continue;
    ++cycles;
    for (std::uint32_t j = i; !seen[j]; j = p[j]) seen[j] = true;
  }
  return cycles;
}

bool is_derangement(const std::vector<std::uint32_t>& p) {
  for (std::uint32_t i = 0; i < p.size(); ++i)
    if (p[i] == i) return false;
  return true;
}

// Every permutation of 0..n-1 (std::next_permutation): the independent count the samplers are
// checked against.
template <class F>
void for_each_permutation(std::uint32_t n, F f) {
  std::vector<std::uint32_t> p(n);
  for (std::uint32_t i = 0; i < n; ++i) p[i] = i;
  do f(p);
  while (std::next_permutation(p.begin(), p.end()));
}

}  // namespace

// Critical values of chi-square at p = 0.001 (tables): 8 df 26.12, 43 df 77.42, 11 df 31.26,
// 4 df 18.47, 3 df 16.27, 5 df 20.52. The seeds are fixed, so each check is deterministic; a
// sampler that missed a derangement or weighted one 10 % high over these sample sizes would
// exceed them by far (Sattolo's single cycles: chi-square in the thousands).
TEST_CASE("schedule: derangements are uniform over all 9 of n = 4 and 44 of n = 5",
          "[reputation]") {
  for (const auto& [n, critical] : {std::pair{4u, 26.12}, std::pair{5u, 77.42}}) {
    INFO("n " << n);
    std::map<std::vector<std::uint32_t>, double> seen;
    for_each_permutation(n, [&](const auto& p) {
      if (is_derangement(p)) seen[p] = 0;
    });
    REQUIRE(seen.size() == (n == 4 ? 9u : 44u));
    Stream stream(17, Purpose::simulation_check, n);
    PackedDraws rng(stream);
    std::vector<std::uint32_t> d;
    const int samples = 2000 * static_cast<int>(seen.size());
    for (int t = 0; t < samples; ++t) {
      draw_derangement(n, rng, d);
      const auto it = seen.find(d);
      REQUIRE(it != seen.end());  // a derangement: no fixed point
      ++it->second;
    }
    std::vector<double> observed;
    for (const auto& [p, count] : seen) observed.push_back(count);
    const std::vector<double> uniform(observed.size(), 1.0 / static_cast<double>(seen.size()));
    CHECK(chi_square(observed, uniform) < critical);
  }
}

TEST_CASE("schedule: derangements of 8 and 1000 have the cycle counts of uniform ones",
          "[reputation]") {
  // n = 8: the exact distribution of the number of cycles over the 14 833 derangements.
  std::vector<double> exact(5, 0);
  double all = 0;
  for_each_permutation(8, [&](const auto& p) {
    if (!is_derangement(p)) return;
    exact[cycles_of(p)] += 1;
    all += 1;
  });
  CHECK(all == 14833);
  for (auto& e : exact) e /= all;
  exact.erase(exact.begin());  // cycles 1..4
  Stream stream(18, Purpose::simulation_check);
  PackedDraws rng(stream);
  std::vector<std::uint32_t> d;
  std::vector<double> observed(4, 0);
  for (int t = 0; t < 40000; ++t) {
    draw_derangement(8, rng, d);
    REQUIRE(is_derangement(d));
    ++observed[cycles_of(d) - 1];
  }
  CHECK(chi_square(observed, exact) < 16.27);
  // n = 1000: the mean number of cycles of a uniform derangement is H_n - 1 + o(1) (a uniform
  // permutation's H_n less its expected fixed points, 1); 2000 samples, s.d. of the mean about
  // sqrt(ln n) / sqrt(2000) = 0.06.
  double sum = 0, harmonic = 0;
  for (int k = 1; k <= 1000; ++k) harmonic += 1.0 / k;
  for (int t = 0; t < 2000; ++t) {
    draw_derangement(1000, rng, d);
    REQUIRE(is_derangement(d));
    sum += cycles_of(d);
  }
  CHECK(std::abs(sum / 2000 - (harmonic - 1)) < 0.25);
}

TEST_CASE("schedule: the cycle through an element has the length of a uniform derangement's",
          "[reputation]") {
  // u = 7: P(l) by enumerating the derangements of 7 and the length of the cycle through 0.
  const std::uint32_t u = 7;
  std::vector<double> exact(u + 1, 0);
  double all = 0;
  for_each_permutation(u, [&](const auto& p) {
    if (!is_derangement(p)) return;
    std::uint32_t l = 1;
    for (std::uint32_t j = p[0]; j != 0; j = p[j]) ++l;
    exact[l] += 1;
    all += 1;
  });
  CHECK(exact[u - 1] == 0);  // the rest would be one element
  Stream stream(19, Purpose::simulation_check);
  PackedDraws rng(stream);
  std::vector<double> observed(u + 1, 0);
  for (int t = 0; t < 50000; ++t) {
    const std::uint32_t l = derangement_cycle_length(u, rng);
    REQUIRE((l >= 2 && l <= u && l != u - 1));
    ++observed[l];
  }
  // Lengths 2, 3, 4, 5, 7.
  std::vector<double> o, e;
  for (const std::uint32_t l : {2u, 3u, 4u, 5u, 7u})
    o.push_back(observed[l]), e.push_back(exact[l] / all);
  CHECK(chi_square(o, e) < 18.47);
  // Small sizes: 2 and 3 have one length each (a 2-cycle, a 3-cycle).
  for (int t = 0; t < 100; ++t) {
    CHECK(derangement_cycle_length(2, rng) == 2);
    CHECK(derangement_cycle_length(3, rng) == 3);
  }
}

TEST_CASE("schedule: sweeps of 3 are uniform over the 12 (donors, recipients) pairs",
          "[reputation]") {
  // 3! donor orders times the 2 derangements: each pair of permutations without a common fixed
  // point equally often, by the reference and by the tabled drawer (the same pairs).
  std::map<std::vector<std::uint32_t>, double> counts;
  ScheduleDrawer drawer(Interaction::sweeps, 3);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (int t = 0; t < 24000; ++t) {
    Stream rng(20, Purpose::simulation_check, t);
    drawer.draw(rng, pairs);
    std::vector<std::uint32_t> key;
    for (const auto& [d, r] : pairs) key.push_back(d), key.push_back(r);
    ++counts[key];
  }
  REQUIRE(counts.size() == 12u);
  std::vector<double> observed;
  for (const auto& [k, c] : counts) observed.push_back(c);
  CHECK(chi_square(observed, std::vector<double>(12, 1.0 / 12)) < 31.26);
}
