// Norms evolving between groups (engine/reputation/group_norms.hpp) and migration
// (reputation::migrate, Groups::from_tags): hand-computed cases, the Fermi probability measured
// against its closed form, conservation of individuals, and the draws that rates 0 and 1 skip.
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <vector>

#include "engine/reputation/group_norms.hpp"
#include "engine/reputation/groups.hpp"
#include "engine/reputation/reputation_game.hpp"

using namespace kindest;
using namespace kindest::reputation;
using Catch::Matchers::Contains;

TEST_CASE("group norms: nothing happens at rates 0, and no draw is taken",
          "[reputation][groups][group_norms]") {
  std::vector<std::uint32_t> norms{0, 1, 2, 1};
  const std::vector<double> payoff{1, 2, 3, 4};
  Stream rng(1, Purpose::group_norms, 0, 0), fresh(1, Purpose::group_norms, 0, 0);
  CHECK_FALSE(evolve_group_norms(norms, payoff, {.pool = 3}, rng));
  CHECK(norms == std::vector<std::uint32_t>{0, 1, 2, 1});
  CHECK(rng.bits() == fresh.bits());  // bernoulli(0) consumes nothing
}

TEST_CASE("group norms: imitation copies the model's norm with the Fermi probability",
          "[reputation][groups][group_norms]") {
  // Two groups: group 0 (norm 0, payoff 1) always compares with group 1 (norm 1, payoff 3);
  // with beta = 0.5 it adopts norm 1 with probability 1 / (1 + exp(-0.5 * 2)) = 0.7311, and
  // group 1 adopts norm 0 with 1 / (1 + exp(1)) = 0.2689 (both decide on the old norms).
  const GroupNormSettings s{.pool = 2, .imitation_rate = 1, .selection_intensity = 0.5};
  const std::vector<double> payoff{1, 3};
  const int n = 40000;
  int zero_adopts = 0, one_adopts = 0;
  for (int k = 0; k < n; ++k) {
    std::vector<std::uint32_t> norms{0, 1};
    Stream rng(7, Purpose::simulation_check, static_cast<std::uint64_t>(k));
    evolve_group_norms(norms, payoff, s, rng);
    zero_adopts += norms[0] == 1;
    one_adopts += norms[1] == 0;
  }
  const double p = 1 / (1 + std::exp(-1.0)), q = 1 - p;
  const double se = std::sqrt(p * q / n);
  CHECK(std::abs(zero_adopts / double(n) - p) < 4 * se);
  CHECK(std::abs(one_adopts / double(n) - q) < 4 * se);
}

TEST_CASE("group norms: a mutant norm is uniform among the other K - 1",
          "[reputation][groups][group_norms]") {
  const GroupNormSettings s{.pool = 4, .mutation_rate = 1};
  std::vector<int> landed(4, 0);
  const int n = 30000;
  for (int k = 0; k < n; ++k) {
    std::vector<std::uint32_t> norms{2};
    Stream rng(3, Purpose::simulation_check, static_cast<std::uint64_t>(k));
    CHECK(evolve_group_norms(norms, {0.0}, s, rng));
    ++landed[norms[0]];
  }
  CHECK(landed[2] == 0);
  const double se = std::sqrt(n * (1.0 / 3) * (2.0 / 3));
  for (int k : {0, 1, 3}) CHECK(std::abs(landed[k] - n / 3.0) < 4 * se);
}

TEST_CASE("group norms: equal norms are never 'adopted', one group has no model",
          "[reputation][groups][group_norms]") {
  std::vector<std::uint32_t> same{1, 1, 1};
  Stream rng(5, Purpose::group_norms, 0, 0);
  CHECK_FALSE(evolve_group_norms(same, {0.0, 9.0, 3.0},
                                 {.pool = 2, .imitation_rate = 1, .selection_intensity = 10}, rng));
  std::vector<std::uint32_t> one{0};
  Stream first(5, Purpose::group_norms, 1, 0), untouched(5, Purpose::group_norms, 1, 0);
  CHECK_FALSE(evolve_group_norms(one, {1.0}, {.pool = 2, .imitation_rate = 1}, first));
  CHECK(first.bits() == untouched.bits());
}

TEST_CASE("group norms: bad settings are refused", "[reputation][groups][group_norms]") {
  std::vector<std::uint32_t> norms{0, 3};
  Stream rng(1, Purpose::group_norms, 0, 0);
  CHECK_THROWS_WITH(evolve_group_norms(norms, {0.0, 0.0}, {.pool = 3}, rng),
                    Contains("outside the pool of 3"));
  CHECK_THROWS_WITH(evolve_group_norms(norms, {0.0}, {.pool = 4}, rng), Contains("1 payoffs"));
  CHECK_THROWS_WITH(evolve_group_norms(norms, {0.0, 0.0}, {.pool = 4, .imitation_rate = 2}, rng),
                    Contains("[0, 1]"));
}

TEST_CASE("migration: counts always sum to N, groups keep their minimum, strategies stay",
          "[reputation][groups][migration]") {
  auto tags = Groups::equal(30, 5).tags();
  const auto before = tags;
  for (std::uint64_t g = 0; g < 200; ++g) {
    Stream rng(11, Purpose::migration, 0, g);
    migrate(tags, 5, 0.3, 2, rng);
    const auto groups = Groups::from_tags(tags, 5);
    const auto& sizes = groups.sizes();
    CHECK(std::accumulate(sizes.begin(), sizes.end(), 0u) == 30u);
    for (const auto size : sizes) CHECK(size >= 2);
    // Members are listed by group, ascending, and each individual's group is its tag.
    for (std::uint32_t k = 0; k < 5; ++k)
      for (std::uint32_t j = 0; j < groups.size_of(k); ++j) {
        CHECK(groups.group_of(groups.member(k, j)) == k);
        if (j > 0) CHECK(groups.member(k, j - 1) < groups.member(k, j));
      }
  }
  CHECK(tags != before);
}

TEST_CASE("migration: the fraction of individuals moving is the rate",
          "[reputation][groups][migration]") {
  // Large groups, so the minimum size never binds: each individual moves with probability 0.1,
  // to each of the other 3 groups alike.
  const std::uint32_t n = 4000;
  auto tags = Groups::equal(n, 4).tags();
  const auto before = tags;
  Stream rng(2, Purpose::migration, 0, 1);
  CHECK(migrate(tags, 4, 0.1, 2, rng));
  int moved = 0;
  std::vector<int> to(4, 0);
  for (std::uint32_t i = 0; i < n; ++i)
    if (tags[i] != before[i]) ++moved, ++to[(tags[i] + 4 - before[i]) % 4];
  const double se = std::sqrt(n * 0.1 * 0.9);
  CHECK(std::abs(moved - 0.1 * n) < 4 * se);
  CHECK(to[0] == 0);
  for (int k : {1, 2, 3}) CHECK(std::abs(to[k] - moved / 3.0) < 4 * std::sqrt(moved * 2.0 / 9));
}

TEST_CASE("migration: rate 0 draws nothing and moves no one", "[reputation][groups][migration]") {
  auto tags = Groups::equal(20, 4).tags();
  const auto before = tags;
  Stream rng(2, Purpose::migration, 0, 1), fresh(2, Purpose::migration, 0, 1);
  CHECK_FALSE(migrate(tags, 4, 0.0, 2, rng));
  CHECK(tags == before);
  CHECK(rng.bits() == fresh.bits());
}

TEST_CASE("groups: from_tags of dealt tags is the dealt layout, and bad tags are refused",
          "[reputation][groups][migration]") {
  const auto dealt = Groups::from_sizes({4, 3, 5});
  const auto again = Groups::from_tags(dealt.tags(), 3);
  CHECK(again.sizes() == dealt.sizes());
  for (std::uint32_t k = 0; k < 3; ++k)
    for (std::uint32_t j = 0; j < dealt.size_of(k); ++j)
      CHECK(again.member(k, j) == dealt.member(k, j));
  CHECK_THROWS_WITH(Groups::from_tags({0, 2, 0}, 2), Contains("tag 2 of 2 groups"));
  CHECK_THROWS_WITH(Groups::from_tags({0, 0, 2}, 3), Contains("group 1 is empty"));
}

TEST_CASE("groups: a game on from_tags' layout of dealt tags is the dealt game, bit for bit",
          "[reputation][groups][migration]") {
  GameSettings s;
  s.assessment = Assessment::private_views;
  s.interaction = Interaction::random_pairs;
  s.norm = parse_norm("SternJudging");
  s.execution_error = 0.05;
  s.group_sizes = {10, 10, 10};
  s.in_group_probability = 0.7;
  s.shared_views = true;
  std::vector<Strategy> strategies{parse_strategy("DISC"), parse_strategy("ALLD")};
  std::vector<std::uint32_t> of(30, 0);
  for (std::uint32_t i = 20; i < 30; ++i) of[i] = 1;
  ReputationGame dealt(s, strategies, of, 9, 1);
  s.group_tags = Groups::from_sizes(s.group_sizes).tags();
  ReputationGame tagged(s, strategies, of, 9, 1);
  const auto a = dealt.run(5, 20), b = tagged.run(5, 20);
  CHECK(a.cooperations == b.cooperations);
  CHECK(dealt.state().views == tagged.state().views);
}
