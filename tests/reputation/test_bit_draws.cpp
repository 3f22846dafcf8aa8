#include <bit>
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/reputation/bit_draws.hpp"

using namespace kindest;
using namespace kindest::reputation;

TEST_CASE("bit draws: Bernoulli words have the right rate, independently per lane",
          "[reputation]") {
  for (const double p : {0.9, 0.05, 0.5, 1.0 / 3, 0.001}) {
    INFO(p);
    Stream rng(11, Purpose::simulation_check, 1);
    const BernoulliWord draw(p);
    const int words = 20000;
    std::array<int, 64> per_lane{};
    double both = 0;  // lanes 0 and 1 together: independence
    for (int k = 0; k < words; ++k) {
      const auto x = draw(rng);
      for (int i = 0; i < 64; ++i) per_lane[i] += int((x >> i) & 1u);
      both += double((x & 3u) == 3u);
    }
    const double n = 64.0 * words;
    double total = 0;
    for (int c : per_lane) total += c;
    CHECK(std::abs(total / n - p) < 5 * std::sqrt(p * (1 - p) / n));
    for (int c : per_lane)
      CHECK(std::abs(c / double(words) - p) < 5 * std::sqrt(p * (1 - p) / words) + 1e-12);
    CHECK(std::abs(both / words - p * p) < 5 * std::sqrt(p * p * (1 - p * p) / words) + 1e-12);
  }
}

TEST_CASE("bit draws: a dyadic p is exact, and p = 0 or 1 draws nothing", "[reputation]") {
  // p = 1/2: one plane, lane true iff its bit of the first word is 0.
  Stream a(3, Purpose::simulation_check), b(3, Purpose::simulation_check);
  CHECK(BernoulliWord(0.5)(a) == ~b.bits());
  CHECK(a.bits() == b.bits());  // exactly one word used
  // p = 3/4 (binary .11): true unless both planes are 1.
  Stream c(4, Purpose::simulation_check), d(4, Purpose::simulation_check);
  const auto x = BernoulliWord(0.75)(c);
  const auto u1 = d.bits();
  const auto u2 = d.bits();
  CHECK(x == (~u1 | (u1 & ~u2)));
  Stream e(5, Purpose::simulation_check), f(5, Purpose::simulation_check);
  CHECK(BernoulliWord(0.0)(e) == 0);
  CHECK(BernoulliWord(1.0)(e) == ~std::uint64_t{0});
  CHECK_FALSE(BernoulliWord(1.0).draws());
  CHECK(e.bits() == f.bits());
}

TEST_CASE("bit draws: Bernoulli trials, by gaps or one by one, have the right rate",
          "[reputation]") {
  for (const double p : {0.01, 0.05, 0.2}) {
    INFO(p);
    Stream rng(12, Purpose::simulation_check);
    BernoulliTrials trials(p);
    const int n = 400000;
    int hits = 0, pairs = 0;
    bool last = false;
    for (int i = 0; i < n; ++i) {
      if (i % 1000 == 0) trials.reset();  // a new round: memoryless, rate unchanged
      const bool x = trials.next(rng);
      hits += x;
      pairs += x && last;  // successive trials independent: P = p^2
      last = x;
    }
    CHECK(std::abs(hits / double(n) - p) < 5 * std::sqrt(p * (1 - p) / n));
    CHECK(std::abs(pairs / double(n) - p * p) < 5 * std::sqrt(p * p / n) + 1e-12);
  }
  Stream a(1, Purpose::simulation_check), b(1, Purpose::simulation_check);
  BernoulliTrials never(0.0), always(1.0);
  CHECK_FALSE(never.next(a));
  CHECK(always.next(a));
  CHECK(a.bits() == b.bits());
}
