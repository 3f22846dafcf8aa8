#include "engine/dynamics/wright_fisher.hpp"

#include <algorithm>
#include <vector>

#include "engine/core/stop.hpp"

namespace kindest::dynamics {

void WrightFisher::run_generation(Population& p, PopulationPayoffs& payoffs, Stream& rng) const {
  payoffs.reset(p);
  const std::size_t s = p.strategies();
  // Stage 2: fitness
  std::vector<double> cumulative(s);
  double total = 0;
  for (std::uint32_t i = 0; i < s; ++i) {
    if (p.counts[i] > 0)
      total += p.counts[i] * fitness(payoffs.payoff(i), s_.selection_intensity, s_.fitness_mapping);
    cumulative[i] = total;
  }
  // Stages 3-4: update (multinomial resampling) and mutate
  std::vector<std::uint32_t> next(s, 0);
  const std::uint64_t z = p.size();
  for (std::uint64_t k = 0; k < z; ++k) {
    poll_stop(s_.stop, k);
    const double target = rng.uniform() * total;
    auto parent = static_cast<std::uint32_t>(
        std::upper_bound(cumulative.begin(), cumulative.end(), target) - cumulative.begin());
    // Rounding at the top end: give the draw to the last strategy that has weight.
    while (parent >= s || p.counts[parent] == 0)
      parent = parent >= s ? static_cast<std::uint32_t>(s - 1) : parent - 1;
    if (s_.mutation_rate > 0 && rng.bernoulli(s_.mutation_rate))
      parent = s_.mutant_of(parent, s, rng);
    ++next[parent];
  }
  p.counts = std::move(next);
}

}  // namespace kindest::dynamics
