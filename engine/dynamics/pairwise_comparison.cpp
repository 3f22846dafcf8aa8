#include "engine/dynamics/pairwise_comparison.hpp"

#include "engine/core/stop.hpp"

namespace kindest::dynamics {

void PairwiseComparison::run_generation(Population& p, PopulationPayoffs& payoffs,
                                        Stream& rng) const {
  payoffs.reset(p);
  const std::uint64_t z = p.size();
  for (std::uint64_t event = 0; event < z; ++event) {
    poll_stop(s_.stop, event);
    const std::uint32_t focal = pick_individual(p, z, rng);
    std::uint32_t next = focal;
    // Stage 4 (mutate) replaces stage 3 (update: imitation) with probability mu.
    if (s_.mutation_rate > 0 && rng.bernoulli(s_.mutation_rate)) {
      next = s_.mutant_of(focal, p.strategies(), rng);
    } else {
      const std::uint32_t model = pick_individual(p, z, rng, focal);
      if (model == focal) continue;
      const double gain = payoffs.payoff(model) - payoffs.payoff(focal);
      if (fermi_adopts(gain, s_.selection_intensity, rng)) next = model;
    }
    if (next != focal) {
      p.move(focal, next);
      payoffs.move(focal, next);
    }
  }
}

}  // namespace kindest::dynamics
