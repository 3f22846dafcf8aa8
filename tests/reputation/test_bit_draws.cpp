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

TEST_CASE("bit draws: Bernoulli words are pinned (faster code, the same words)", "[reputation]") {
  // Checksums of 10 000 words and of the stream's next word afterwards, recorded with the
  // first implementation (commit af8a1cd): both methods, both sides of 1/8 and 7/8.
  const std::pair<double, std::uint64_t> pins[] = {
      {0.9, 0x05764638016cc235ull},  {0.05, 0x0061071d3c7088d8ull},  {0.001, 0xccba18484a462450ull},
      {0.95, 0x4d344529c5388204ull}, {0.125, 0x059c40ecfd0a3151ull}, {0.3, 0x91d1fc1a20a1378full},
      {0.5, 0x07c5799135b1509aull},  {0.875, 0x72f0dabe1c291541ull}, {0.2, 0x78844bf6753ac146ull}};
  for (const auto& [p, pin] : pins) {
    INFO(p);
    Stream rng(20261201, Purpose::simulation_check, 9);
    const BernoulliWord draw(p);
    std::uint64_t h = 0;
    for (int k = 0; k < 10000; ++k) h = (h ^ draw(rng)) * 0x100000001b3ull;
    h ^= rng.bits();
    CHECK(h == pin);
  }
}

TEST_CASE("bit draws: the POPCNT lane picks give the portable picks' words", "[reputation]") {
  // draw<true> (the BMI2 path's picks, portable C++ here) against the counting loop: the same
  // words from the same stream, and the stream left at the same place, on both sides of 1/8
  // and 7/8 and where K often exceeds the first reservoir word's 10 picks (p = 0.2 > 1/8 uses
  // bit planes; 0.125 and 0.875 are the count method's edges).
  for (const double p : {0.001, 0.01, 0.05, 0.1, 0.125, 0.875, 0.9, 0.95, 0.99}) {
    INFO(p);
    Stream portable(20261202, Purpose::simulation_check, 10), fast = portable;
    const BernoulliWord word(p);
    bool same = true;
    for (int k = 0; k < 20000; ++k)
      same = same && word.draw<false>(portable) == word.draw<true>(fast);
    CHECK(same);
    CHECK(portable.bits() == fast.bits());
  }
}

TEST_CASE("bit draws: BlockWords yields a fresh stream's words in order", "[reputation]") {
  for (std::uint64_t c = 0; c < 3; ++c) {
    Stream plain(5, Purpose::assessment, 1, 2, c);
    BlockWords blocks(Stream(5, Purpose::assessment, 1, 2, c));
    bool same = true;
    for (int k = 0; k < 1000; ++k) same = same && plain.bits() == blocks.bits();
    CHECK(same);
  }
  // Stream::block(i) is the i-th block whatever the stream has drawn.
  Stream used(6, Purpose::assessment), fresh(6, Purpose::assessment);
  for (int k = 0; k < 9; ++k) used.bits();
  const auto b = used.block(1);
  for (int k = 0; k < 4; ++k) fresh.bits();
  for (int k = 0; k < 4; ++k) CHECK(b.v[k] == fresh.bits());
}
