// The individual-based processes (engine/population/process.hpp) against hand-computed
// transition probabilities, the Wright-Fisher expectation, and conservation of individuals.
#include <catch2/catch.hpp>
#include <cmath>

#include "engine/population/process.hpp"

using namespace kindest;
using namespace kindest::population;
using dynamics::ProcessKind;

namespace {

std::vector<double> payoffs_by_strategy(const Individuals& p, const std::vector<double>& pi) {
  std::vector<double> out;
  for (auto s : p.strategy_of()) out.push_back(pi[s]);
  return out;
}

// Within 5 standard errors of a frequency with probability t over n trials.
bool near(double seen, double t, double n) {
  return std::abs(seen / n - t) <= 5 * std::sqrt(t * (1 - t) / n) + 1e-12;
}

}  // namespace

TEST_CASE("population process: counts follow the individuals and sum to Z",
          "[population][reputation]") {
  for (const auto kind : {ProcessKind::pairwise_comparison, ProcessKind::moran_birth_death,
                          ProcessKind::moran_death_birth, ProcessKind::wright_fisher}) {
    INFO(static_cast<int>(kind));
    auto p = Individuals::from_counts({12, 20, 5});
    dynamics::ProcessSettings s{.kind = kind, .selection_intensity = 0.8, .mutation_rate = 0.05};
    Stream pay(3, Purpose::simulation_check);
    for (std::uint64_t g = 0; g < 60; ++g) {
      std::vector<double> payoff;
      for (std::uint32_t i = 0; i < p.size(); ++i) payoff.push_back(2 * pay.uniform() - 0.5);
      Stream rng(5, Purpose::simulation_check, g);
      run_generation(p, payoff, s, rng);
      std::vector<std::uint32_t> counted(3, 0);
      for (auto st : p.strategy_of()) ++counted[st];
      REQUIRE(counted == p.counts());
      REQUIRE(p.counts()[0] + p.counts()[1] + p.counts()[2] == 37);
      REQUIRE(payoff.size() == 37);
    }
  }
  auto p = Individuals::from_counts({1, 1});
  std::vector<double> short_payoff{1.0};
  Stream rng(1, Purpose::simulation_check);
  CHECK_THROWS_WITH(run_generation(p, short_payoff, {}, rng), Catch::Contains("1 payoffs for 2"));
}

TEST_CASE("population process: Moran with two individuals, by hand", "[population][reputation]") {
  // Z = 2, one of each. Birth-death: the parent is chosen with probability f / (f_0 + f_1) and
  // its offspring replaces the other, so after the first event the population is monomorphic
  // and stays so: P(all strategy 1) = f_1 / (f_0 + f_1) = 3/4 for f = 1 - w + w pi, w = 1,
  // pi = (1, 3). Death-birth: the dead one is uniform and the survivor fills the gap: 1/2.
  const std::vector<double> pi{1.0, 3.0};
  const int trials = 40000;
  for (const auto kind : {ProcessKind::moran_birth_death, ProcessKind::moran_death_birth}) {
    double all_one = 0;
    for (int t = 0; t < trials; ++t) {
      auto p = Individuals::from_counts({1, 1});
      auto payoff = payoffs_by_strategy(p, pi);
      Stream rng(9, Purpose::simulation_check, static_cast<std::uint64_t>(t));
      run_generation(p, payoff, {.kind = kind, .selection_intensity = 1.0}, rng);
      REQUIRE(p.counts()[0] + p.counts()[1] == 2);
      REQUIRE((p.counts()[0] == 0 || p.counts()[1] == 0));
      // The offspring carries its parent's payoff.
      REQUIRE(payoff[0] == payoff[1]);
      all_one += p.counts()[1] == 2;
    }
    const double expected = kind == ProcessKind::moran_birth_death ? 0.75 : 0.5;
    CHECK(near(all_one, expected, trials));
  }
}

TEST_CASE("population process: pairwise comparison takes the model's payoff",
          "[population][reputation]") {
  // Z = 2, payoffs (0, 10), beta = 100: a focal 0 adopts strategy 1 (probability 1 - 4e-44 per
  // chance); a focal 1 never adopts 0. Two events: P(all 1) = 1 - P(both focal 1) = 3/4, and
  // the adopter then holds its model's payoff 10.
  const int trials = 40000;
  double all_one = 0;
  for (int t = 0; t < trials; ++t) {
    auto p = Individuals::from_counts({1, 1});
    std::vector<double> payoff{0.0, 10.0};
    Stream rng(10, Purpose::simulation_check, static_cast<std::uint64_t>(t));
    run_generation(p, payoff, {.selection_intensity = 100.0}, rng);
    if (p.counts()[1] == 2) {
      all_one += 1;
      REQUIRE(payoff == std::vector<double>{10.0, 10.0});
    } else {
      REQUIRE(p.strategy_of() == std::vector<std::uint32_t>{0, 1});
      REQUIRE(payoff == std::vector<double>{0.0, 10.0});
    }
  }
  CHECK(near(all_one, 0.75, trials));
}

TEST_CASE("population process: Wright-Fisher offspring in proportion to fitness",
          "[population][reputation]") {
  // Counts (5, 3, 2), w = 0.5, pi = (1, 2, 0.5): f = 1 - w + w pi = (1, 1.5, 0.75); each of the
  // Z = 10 offspring has a parent of strategy j with probability n_j f_j / sum n f, so
  // E[n_j'] = Z n_j f_j / sum_k n_k f_k = 10 (5, 4.5, 1.5) / 11.
  const std::vector<double> pi{1.0, 2.0, 0.5};
  const int trials = 20000;
  double sum[3] = {};
  for (int t = 0; t < trials; ++t) {
    auto p = Individuals::from_counts({5, 3, 2});
    auto payoff = payoffs_by_strategy(p, pi);
    Stream rng(12, Purpose::simulation_check, static_cast<std::uint64_t>(t));
    run_generation(p, payoff, {.kind = ProcessKind::wright_fisher, .selection_intensity = 0.5},
                   rng);
    for (int j = 0; j < 3; ++j) sum[j] += p.counts()[static_cast<std::size_t>(j)];
  }
  const double expected[3] = {50.0 / 11, 45.0 / 11, 15.0 / 11};
  for (int j = 0; j < 3; ++j) {
    // Binomial(10, q) per strategy: variance 10 q (1 - q).
    const double q = expected[j] / 10;
    INFO(j);
    CHECK(std::abs(sum[j] / trials - expected[j]) < 5 * std::sqrt(10 * q * (1 - q) / trials));
  }
  // Linear fitness below 0 is clipped to 0: strategy 0 (pi = -3, w = 1) has no offspring.
  for (int t = 0; t < 200; ++t) {
    auto p = Individuals::from_counts({5, 5});
    auto payoff = payoffs_by_strategy(p, {-3.0, 1.0});
    Stream rng(13, Purpose::simulation_check, static_cast<std::uint64_t>(t));
    run_generation(p, payoff, {.kind = ProcessKind::wright_fisher, .selection_intensity = 1.0},
                   rng);
    REQUIRE(p.counts()[0] == 0);
  }
}

TEST_CASE("population process: a given number of update events per generation",
          "[population][reputation]") {
  // Z = 2, one of each, payoffs (0, 1), beta = 1, no mutation. One pairwise-comparison event
  // (Radzvilavicius et al. 2019: one update per generation): the focal individual is uniform,
  // the model the other; 0 adopts 1 with probability 1 / (1 + e^-1), 1 adopts 0 with
  // 1 / (1 + e^1). So P(all 1) = 0.5 / (1 + e^-1) = 0.3655, P(unchanged) = 1/2; the default
  // Z = 2 events leave the population unchanged with probability 1/4 instead.
  const std::vector<double> pi{0.0, 1.0};
  const dynamics::ProcessSettings s{.kind = ProcessKind::pairwise_comparison,
                                    .selection_intensity = 1};
  const int trials = 40000;
  for (const std::uint64_t events : {std::uint64_t{1}, std::uint64_t{0}}) {
    int all_one = 0, unchanged = 0;
    for (int k = 0; k < trials; ++k) {
      auto p = Individuals::from_counts({1, 1});
      auto payoff = payoffs_by_strategy(p, pi);
      Stream rng(11, Purpose::simulation_check, static_cast<std::uint64_t>(k));
      run_generation(p, payoff, s, rng, events);
      all_one += p.counts()[1] == 2;
      unchanged += p.counts()[0] == 1;
    }
    INFO("events = " << events);
    const double e = std::exp(1.0);
    CHECK(near(unchanged, events == 1 ? 0.5 : 0.25, trials));
    if (events == 1) CHECK(near(all_one, 0.5 / (1 + 1 / e), trials));
  }
  // With one event per generation at most one individual changes strategy, with mutation too.
  auto p = Individuals::from_counts({10, 10, 10});
  const dynamics::ProcessSettings m{
      .kind = ProcessKind::moran_death_birth, .selection_intensity = 0.5, .mutation_rate = 0.2};
  for (std::uint64_t g = 0; g < 200; ++g) {
    const auto before = p.strategy_of();
    auto payoff = payoffs_by_strategy(p, {0.0, 1.0, 2.0});
    Stream rng(12, Purpose::simulation_check, g);
    run_generation(p, payoff, m, rng, 1);
    int changed = 0;
    for (std::size_t i = 0; i < before.size(); ++i) changed += before[i] != p.strategy_of()[i];
    REQUIRE(changed <= 1);
  }
  // Wright-Fisher resamples everyone at once: a number of events is refused.
  auto q = Individuals::from_counts({1, 1});
  std::vector<double> payoff{1.0, 1.0};
  Stream rng(13, Purpose::simulation_check);
  CHECK_THROWS_WITH(run_generation(q, payoff, {.kind = ProcessKind::wright_fisher}, rng, 1),
                    Catch::Contains("Wright-Fisher"));
}
