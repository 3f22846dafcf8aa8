#include <catch2/catch.hpp>
#include <cmath>

#include "engine/random/streams.hpp"

using kindest::Purpose;
using kindest::Stream;

TEST_CASE("streams: a stream's numbers depend only on its name", "[random]") {
  Stream a(42, Purpose::match, 1, 2, 3), b(42, Purpose::match, 1, 2, 3);
  for (int i = 0; i < 1000; ++i) REQUIRE(a.bits() == b.bits());
  // Any change of seed, purpose or index gives a different sequence.
  const std::uint64_t first = Stream(42, Purpose::match, 1, 2, 3).bits();
  CHECK(Stream(43, Purpose::match, 1, 2, 3).bits() != first);
  CHECK(Stream(42, Purpose::population, 1, 2, 3).bits() != first);
  CHECK(Stream(42, Purpose::match, 2, 1, 3).bits() != first);
  CHECK(Stream(42, Purpose::match, 1, 2, 4).bits() != first);
}

TEST_CASE("streams: uniform, bernoulli and below have the right moments", "[random]") {
  Stream s(7, Purpose::simulation_check);
  const int n = 200000;
  double sum = 0, sum_sq = 0;
  int hits = 0;
  std::array<int, 3> bins{};
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum_sq += u * u;
    hits += s.bernoulli(0.3);
    ++bins[s.below(3)];
  }
  // Means within 5 standard errors.
  CHECK(std::abs(sum / n - 0.5) < 5 * std::sqrt(1.0 / 12 / n));
  CHECK(std::abs(sum_sq / n - 1.0 / 3) < 5 * std::sqrt(4.0 / 45 / n));
  CHECK(std::abs(hits / double(n) - 0.3) < 5 * std::sqrt(0.21 / n));
  for (int b : bins) CHECK(std::abs(b / double(n) - 1.0 / 3) < 5 * std::sqrt(2.0 / 9 / n));
}

TEST_CASE("streams: bernoulli(0) and bernoulli(1) consume no draws", "[random]") {
  Stream a(1, Purpose::match), b(1, Purpose::match);
  CHECK_FALSE(a.bernoulli(0.0));
  CHECK(a.bernoulli(1.0));
  CHECK(a.bits() == b.bits());
}

TEST_CASE("streams: geometric match length has mean 1/(1-w)", "[random]") {
  Stream s(3, Purpose::simulation_check);
  const double w = 0.9;
  const int n = 100000;
  double sum = 0;
  int ones = 0;
  for (int i = 0; i < n; ++i) {
    const auto len = s.geometric_length(w);
    REQUIRE(len >= 1);
    sum += static_cast<double>(len);
    ones += (len == 1);
  }
  const double mean = 1 / (1 - w), sd = std::sqrt(w) / (1 - w);
  CHECK(std::abs(sum / n - mean) < 5 * sd / std::sqrt(n));
  // P(length = 1) = 1 - w.
  CHECK(std::abs(ones / double(n) - (1 - w)) < 5 * std::sqrt(w * (1 - w) / n));
}
