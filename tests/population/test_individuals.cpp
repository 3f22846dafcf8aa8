#include <catch2/catch.hpp>
#include <cmath>

#include "engine/population/individuals.hpp"

using namespace kindest;
using namespace kindest::population;

TEST_CASE("individuals: counts follow strategy changes", "[population][reputation]") {
  auto p = Individuals::from_counts({2, 0, 3});
  CHECK(p.size() == 5);
  CHECK(p.strategy_of() == std::vector<std::uint32_t>{0, 0, 2, 2, 2});
  p.set_strategy(0, 1);
  CHECK(p.counts() == std::vector<std::uint32_t>{1, 1, 3});
  CHECK_THROWS_WITH(p.set_strategy(0, 3), Catch::Contains("out of range"));
  CHECK_THROWS_WITH(Individuals::from_counts({1}), Catch::Contains("at least 2"));
}

TEST_CASE("individuals: pairwise-comparison events have the count-based transition probabilities",
          "[population][reputation]") {
  // Z = 10 with counts (5, 3, 2); payoffs depend on the strategy only. The probability that an
  // event turns an i into a j (i != j) is
  //   T(i -> j) = n_i/Z [ (1 - mu) n_j/(Z - 1) / (1 + exp(-beta (pi_j - pi_i))) + mu/(S - 1) ].
  const std::vector<std::uint32_t> counts{5, 3, 2};
  const std::vector<double> pi{1.0, 2.0, 0.5};
  const double beta = 0.7, mu = 0.1;
  const auto p = Individuals::from_counts(counts);
  std::vector<double> payoff;
  for (auto s : p.strategy_of()) payoff.push_back(pi[s]);
  dynamics::ProcessSettings settings{.selection_intensity = beta, .mutation_rate = mu};
  Stream rng(8, Purpose::simulation_check);
  const int events = 300000;
  double seen[3][3] = {};
  for (int e = 0; e < events; ++e) {
    const auto u = pairwise_comparison_event(p, payoff, settings, rng);
    seen[p.strategy(u.individual)][u.strategy] += 1;
  }
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) {
      if (i == j) continue;
      const double t =
          counts[i] / 10.0 *
          ((1 - mu) * counts[j] / 9.0 / (1 + std::exp(-beta * (pi[j] - pi[i]))) + mu / 2);
      INFO(i << " -> " << j);
      CHECK(std::abs(seen[i][j] / events - t) < 5 * std::sqrt(t * (1 - t) / events));
    }
}
