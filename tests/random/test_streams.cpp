#include <array>
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

namespace {
std::array<std::uint64_t, 5> first_draws(Stream s) {
  std::array<std::uint64_t, 5> out{};
  for (auto& x : out) x = s.bits();  // five: across the first four-word Philox block
  return out;
}
using Draws = std::array<std::uint64_t, 5>;
}  // namespace

// The reproducibility contract (docs/STREAMS.md): these are the first draws every existing
// result was made with. A change here changes every stored result; it must be a decision, said
// in docs/CHANGELOG.md, never a side effect.
TEST_CASE("streams: the first draws of every purpose in use are pinned", "[random][contract]") {
  CHECK(first_draws(kindest::match_stream(7, 1, 2, 3)) ==
        Draws{0x1c5665a2b5e0d787u, 0xb75abd0b81729f1bu, 0x09a1e0a691663845u, 0xa8dd76149164543eu,
              0x1d3e914d7dceb42eu});
  CHECK(first_draws(kindest::population_stream(7, 2, 5)) ==
        Draws{0x85aeb6c655275762u, 0x4d63eacd88a95206u, 0xd21a93abf34e4152u, 0xcb92b5cc961039a4u,
              0x4f4ef7cd7bca9a2au});
  CHECK(first_draws(kindest::invasion_stream(7, 2, 0)) ==
        Draws{0x99fdec1fe09e1f55u, 0x4a71ad44bc5b5106u, 0x14766a3361b061ceu, 0x0e83d0bd83f15643u,
              0xd39ba98a6ca48b33u});
  CHECK(first_draws(kindest::invasion_stream(7, 2, 5)) ==
        Draws{0x6e568766ce04d908u, 0x8cfd8525b36e5b91u, 0xb6097738436322f9u, 0x18b87c3c48dae497u,
              0xf6474c2cbfe5f7ffu});
  CHECK(first_draws(kindest::population_match_stream(7, 2, 5, 11)) ==
        Draws{0x67806fcad5afcbb5u, 0x426290e7cd021414u, 0x1d15a0d770c8221du, 0xa7d69a681b80deefu,
              0x396d2c2891bf4cb4u});
  // Job analysis, [payoffs] source = reputation: pair 2, 5 mutants, round 3, block 1.
  CHECK(first_draws(kindest::reputation_run_stream(kindest::composition_run(7, 2, 5), 3, 1)) ==
        Draws{0x412781ce78126b75u, 0x886c5fb6edf827d4u, 0xeb2f57c74347d469u, 0x8103bd57c3e62680u,
              0xc6f4e2eb164f2730u});
  // Job upstream: population 2, chain 5.
  CHECK(first_draws(kindest::upstream_stream(7, 2, 5)) ==
        Draws{0x36d39bc3de36be20u, 0xe516620078afd7d8u, 0x8103fae2144280c0u, 0xe3f0b5886a6ae5cdu,
              0xe1003c35e9ec02f1u});
  // Evolving group norms and migration: replicate 2, generation 5.
  CHECK(first_draws(kindest::group_norm_stream(7, 2, 5)) ==
        Draws{0xe3814a995fbb45d6u, 0x416076d30bc5b7feu, 0x075ef49061f21d46u, 0xa0c204878efcbee0u,
              0xdce3e28483baa81fu});
  CHECK(first_draws(kindest::migration_stream(7, 2, 5)) ==
        Draws{0xb7d060929534aed3u, 0x432fff98360f9849u, 0xa2455f66e6939061u, 0x43f324c89d85d2c5u,
              0x1367469a7b91ea41u});
  CHECK(first_draws(Stream(7, Purpose::simulation_check)) ==
        Draws{0x403742705094cc5fu, 0xe135def7c7321af7u, 0xddcbe050f1635ae7u, 0xecc0debe863c7c1fu,
              0xb742d0608be2eb7au});
}

TEST_CASE("streams: each factory names the coordinates its call sites used", "[random]") {
  // The raw constructions of engine/tournament, engine/jobs and engine/match before the
  // factories existed; the factories must give the same streams.
  CHECK(first_draws(kindest::match_stream(3, 4, 5, 6)) ==
        first_draws(Stream(3, Purpose::match, 4, 5, 6)));
  CHECK(first_draws(kindest::population_stream(3, 4, 5)) ==
        first_draws(Stream(3, Purpose::population, 4, 5)));
  CHECK(first_draws(kindest::invasion_stream(3, 4, 5)) ==
        first_draws(Stream(3, Purpose::mutation, 4, 5)));
  CHECK(first_draws(kindest::population_match_stream(3, 4, 5, 6)) ==
        first_draws(Stream(3, Purpose::population_match, 4, 5, 6)));
  CHECK(first_draws(kindest::upstream_stream(3, 4, 5)) ==
        first_draws(Stream(3, Purpose::upstream, 4, 5)));
  CHECK(first_draws(kindest::group_norm_stream(3, 4, 5)) ==
        first_draws(Stream(3, Purpose::group_norms, 4, 5)));
  CHECK(first_draws(kindest::migration_stream(3, 4, 5)) ==
        first_draws(Stream(3, Purpose::migration, 4, 5)));
  // A fixed population's reputation streams are (seed, assessment, replicate, round, block).
  CHECK(first_draws(kindest::reputation_stream(3, {.replicate = 4, .round = 5, .block = 6})) ==
        first_draws(Stream(3, Purpose::assessment, 4, 5, 6)));
  // A game's run: a replicate of a fixed population is its reputation_stream; a composition of
  // the analysis job is (pair, round, block, mutants) under its own purpose.
  const kindest::ReputationRun replicate{3, Purpose::assessment, 4, 0};
  CHECK(first_draws(kindest::reputation_run_stream(replicate, 5, 6)) ==
        first_draws(kindest::reputation_stream(3, {.replicate = 4, .round = 5, .block = 6})));
  CHECK(first_draws(kindest::reputation_run_stream(kindest::composition_run(3, 4, 7), 5, 6)) ==
        first_draws(Stream(3, Purpose::reputation_payoffs, kindest::Where{4, 5, 6, 7})));
}

TEST_CASE("streams: the fourth coordinate names new streams and leaves d = 0 alone", "[random]") {
  const Stream base(9, Purpose::assessment, kindest::Where{1, 2, 3, 0});
  CHECK(first_draws(base) == first_draws(Stream(9, Purpose::assessment, 1, 2, 3)));
  const auto g1 = first_draws(
      kindest::reputation_stream(9, {.replicate = 1, .generation = 1, .round = 2, .block = 3}));
  const auto g2 = first_draws(
      kindest::reputation_stream(9, {.replicate = 1, .generation = 2, .round = 2, .block = 3}));
  CHECK(g1 != first_draws(base));
  CHECK(g1 != g2);
  // d lives above the purpose's 8 bits: generation 1 of purpose 5 is not purpose 5 + 256, nor
  // any other purpose at d = 0.
  for (std::uint64_t p = 1; p <= 7; ++p)
    CHECK(first_draws(Stream(9, static_cast<Purpose>(p), 1, 2, 3)) != g1);
}
