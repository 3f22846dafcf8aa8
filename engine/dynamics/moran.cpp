#include "engine/dynamics/moran.hpp"

#include <vector>

#include "engine/dynamics/mutation.hpp"

namespace kindest::dynamics {
namespace {

// Fitness of every strategy and their sum over all individuals. Recomputed only after a change
// of counts: most events under weak selection, and all events of an absorbed population, leave
// the state as it was.
struct Fitnesses {
  std::vector<double> f;
  double total = 0;

  void update(const Population& p, const PopulationPayoffs& payoffs, const ProcessSettings& s) {
    f.resize(p.strategies());
    total = 0;
    for (std::uint32_t i = 0; i < p.strategies(); ++i) {
      f[i] = p.counts[i] > 0 ? fitness(payoffs.payoff(i), s.selection_intensity, s.fitness_mapping)
                             : 0;
      total += f[i] * p.counts[i];
    }
  }
};

std::uint32_t offspring_of(std::uint32_t parent, const Population& p, const ProcessSettings& s,
                           Stream& rng) {
  return s.mutation_rate > 0 && rng.bernoulli(s.mutation_rate)
             ? mutant_of(parent, p.strategies(), rng)
             : parent;
}

}  // namespace

void MoranBirthDeath::run_generation(Population& p, PopulationPayoffs& payoffs, Stream& rng) const {
  payoffs.reset(p);
  const std::uint64_t z = p.size();
  Fitnesses fit;
  fit.update(p, payoffs, s_);
  for (std::uint64_t event = 0; event < z; ++event) {
    const std::uint32_t parent = pick_weighted(
        p.strategies(), [&](std::uint32_t i) { return fit.f[i] * p.counts[i]; }, fit.total,
        rng.uniform());
    const std::uint32_t child = offspring_of(parent, p, s_, rng);
    const std::uint32_t dead = pick_individual(p, z, rng, parent);
    if (child != dead) {
      p.move(dead, child);
      payoffs.move(dead, child);
      fit.update(p, payoffs, s_);
    }
  }
}

void MoranDeathBirth::run_generation(Population& p, PopulationPayoffs& payoffs, Stream& rng) const {
  payoffs.reset(p);
  const std::uint64_t z = p.size();
  Fitnesses fit;
  fit.update(p, payoffs, s_);
  for (std::uint64_t event = 0; event < z; ++event) {
    const std::uint32_t dead = pick_individual(p, z, rng);
    const std::uint32_t parent = pick_weighted(
        p.strategies(),
        [&](std::uint32_t i) { return fit.f[i] * (p.counts[i] - (i == dead ? 1u : 0u)); },
        fit.total - fit.f[dead], rng.uniform());
    const std::uint32_t child = offspring_of(parent, p, s_, rng);
    if (child != dead) {
      p.move(dead, child);
      payoffs.move(dead, child);
      fit.update(p, payoffs, s_);
    }
  }
}

}  // namespace kindest::dynamics
