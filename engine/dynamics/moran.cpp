#include "engine/dynamics/moran.hpp"

#include <vector>

#include "engine/dynamics/mutation.hpp"

namespace kindest::dynamics {
namespace {

// Fitness of every strategy in the current state; `total` = sum over individuals, optionally
// with one individual of strategy `excluded` taken out.
double fitnesses(const Population& p, const PayoffTracker& payoffs, const ProcessSettings& s,
                 std::vector<double>& f, std::int64_t excluded = -1) {
  double total = 0;
  for (std::uint32_t i = 0; i < p.strategies(); ++i) {
    f[i] =
        p.counts[i] > 0 ? fitness(payoffs.payoff(i), s.selection_intensity, s.fitness_mapping) : 0;
    total += f[i] * (p.counts[i] - (static_cast<std::int64_t>(i) == excluded ? 1 : 0));
  }
  return total;
}

std::uint32_t offspring_of(std::uint32_t parent, const Population& p, const ProcessSettings& s,
                           Stream& rng) {
  return s.mutation_rate > 0 && rng.bernoulli(s.mutation_rate)
             ? mutant_of(parent, p.strategies(), rng)
             : parent;
}

}  // namespace

void MoranBirthDeath::run_generation(Population& p, PayoffTracker& payoffs, Stream& rng) const {
  payoffs.reset(p);
  const std::uint64_t z = p.size();
  std::vector<double> f(p.strategies());
  for (std::uint64_t event = 0; event < z; ++event) {
    const double total = fitnesses(p, payoffs, s_, f);
    const std::uint32_t parent = pick_weighted(
        p.strategies(), [&](std::uint32_t i) { return f[i] * p.counts[i]; }, total, rng.uniform());
    const std::uint32_t child = offspring_of(parent, p, s_, rng);
    const std::uint32_t dead = pick_individual(p, z, rng, parent);
    if (child != dead) {
      p.move(dead, child);
      payoffs.move(dead, child);
    }
  }
}

void MoranDeathBirth::run_generation(Population& p, PayoffTracker& payoffs, Stream& rng) const {
  payoffs.reset(p);
  const std::uint64_t z = p.size();
  std::vector<double> f(p.strategies());
  for (std::uint64_t event = 0; event < z; ++event) {
    const std::uint32_t dead = pick_individual(p, z, rng);
    const double total = fitnesses(p, payoffs, s_, f, dead);
    const std::uint32_t parent = pick_weighted(
        p.strategies(),
        [&](std::uint32_t i) { return f[i] * (p.counts[i] - (i == dead ? 1u : 0u)); }, total,
        rng.uniform());
    const std::uint32_t child = offspring_of(parent, p, s_, rng);
    if (child != dead) {
      p.move(dead, child);
      payoffs.move(dead, child);
    }
  }
}

}  // namespace kindest::dynamics
