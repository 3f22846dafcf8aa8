#include <catch2/catch.hpp>

#include "strategies/frequency.hpp"
#include "strategies/play.hpp"
#include "strategies/worse_and_worse.hpp"

using namespace kindest;
using namespace kindest::testing;
using namespace kindest::strategies;

namespace {

// Own moves of `m` from turn `from` on.
std::string own_moves(const std::string& m, std::size_t from) {
  std::string out;
  for (std::size_t at = 3 * from; at < m.size(); at += 3) out.push_back(m[at]);
  return out;
}

}  // namespace

TEST_CASE("worse_and_worse: cooperation fades with the move number",
          "[strategy][worse_and_worse]") {
  // Move n (= t + 1) cooperates with probability 1 - n/1000: surely D from move 1000 on.
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const std::string m = play<WorseAndWorse>(Cycle("CD"), 1100, seed);
    const auto a =
        agreement(m, [](std::size_t t) { return 1 - static_cast<double>(t + 1) / 1000; });
    CHECK(a.random_turns == 999);
    CHECK(a.ok());
  }
}

TEST_CASE("worse_and_worse: BetterAndBetter is the reverse", "[strategy][worse_and_worse]") {
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const std::string m = play<BetterAndBetter>(Cycle("D"), 1100, seed);
    const auto a = agreement(m, [](std::size_t t) { return static_cast<double>(t + 1) / 1000; });
    CHECK(a.random_turns == 999);
    CHECK(a.ok());
    CHECK(own_moves(m, 999) == std::string(101, 'C'));
  }
}

TEST_CASE("worse_and_worse: WorseAndWorse2 is tit for tat for 20 moves, then 20/n",
          "[strategy][worse_and_worse]") {
  const std::string opponent = "CDDCCCDCDDDCCDCDDCDC";
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const std::string m =
        play<WorseAndWorse2>(Script(opponent + std::string(2000, 'C')), 2020, seed);
    const auto a = agreement(m, [&](std::size_t t) {
      if (t == 0) return 1.0;
      if (t < 20) return opponent[t - 1] == 'C' ? 1.0 : 0.0;
      return 20.0 / static_cast<double>(t + 1);
    });
    CHECK(a.random_turns == 2000);
    CHECK(a.ok());
  }
}

TEST_CASE("worse_and_worse: KnowledgeableWorseAndWorse scales to the match length",
          "[strategy][worse_and_worse]") {
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    // Move n of N defects with probability n/N, so the last surely.
    const std::string m = play<KnowledgeableWorseAndWorse>(Cycle("C"), 500, seed);
    const auto a = agreement(m, [](std::size_t t) { return 1 - static_cast<double>(t + 1) / 500; });
    CHECK(a.random_turns == 499);
    CHECK(a.ok());
    // Unknown length: cooperate throughout.
    const std::string unknown =
        play_within(KnowledgeableWorseAndWorse{}, Cycle("D"), 100, {.length = std::nullopt}, seed);
    CHECK(own_moves(unknown, 0) == std::string(100, 'C'));
  }
}
