#include "engine/dynamics/moran.hpp"

#include <vector>

#include "engine/core/stop.hpp"

namespace kindest::dynamics {
namespace {

// Fitness of every strategy, its weight fitness x count, and the total weight. Recomputed only
// after a change of counts: most events under weak selection, and all events of an absorbed
// population, leave the state as it was.
struct Fitnesses {
  std::vector<double> f, weight;
  double total = 0;

  void update(const Population& p, const PopulationPayoffs& payoffs, const ProcessSettings& s) {
    const std::size_t n = p.strategies();
    f.resize(n);
    weight.resize(n);
    payoffs.all(f);
    total = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
      f[i] = fitness(f[i], s.selection_intensity, s.fitness_mapping);
      weight[i] = p.counts[i] > 0 ? f[i] * p.counts[i] : 0;
      total += weight[i];
    }
  }
};

std::uint32_t offspring_of(std::uint32_t parent, const Population& p, const ProcessSettings& s,
                           Stream& rng) {
  return s.mutation_rate > 0 && rng.bernoulli(s.mutation_rate)
             ? s.mutant_of(parent, p.strategies(), rng)
             : parent;
}

// A uniformly random individual (other than one of strategy `excluded`, if >= 0), accepted
// with probability f / f_max: in all, an individual drawn in proportion to fitness.
std::uint32_t pick_by_rejection(const Population& p, std::uint64_t z,
                                const PopulationPayoffs& payoffs, const ProcessSettings& s,
                                double max_fitness, Stream& rng, std::int64_t excluded = -1) {
  while (true) {
    const std::uint32_t candidate = pick_individual(p, z, rng, excluded);
    const double f = fitness(payoffs.payoff(candidate), s.selection_intensity, s.fitness_mapping);
    if (rng.uniform() * max_fitness < f) return candidate;
  }
}

bool use_rejection(const ProcessSettings& s, PayoffRange range) {
  return fitness(range.lowest, s.selection_intensity, s.fitness_mapping) >=
         0.5 * fitness(range.highest, s.selection_intensity, s.fitness_mapping);
}

}  // namespace

MoranProcess::MoranProcess(const ProcessSettings& s, PayoffRange range)
    : s_(s),
      max_fitness_(fitness(range.highest, s.selection_intensity, s.fitness_mapping)),
      rejection_(use_rejection(s, range)) {}

void MoranBirthDeath::run_generation(Population& p, PopulationPayoffs& payoffs, Stream& rng) const {
  payoffs.reset(p);
  const std::uint64_t z = p.size();
  Fitnesses fit;
  if (!rejection_) fit.update(p, payoffs, s_);
  for (std::uint64_t event = 0; event < z; ++event) {
    poll_stop(s_.stop, event);
    // Stages 2-3: fitness and update (the reproducer in proportion to fitness)
    const std::uint32_t parent =
        rejection_ ? pick_by_rejection(p, z, payoffs, s_, max_fitness_, rng)
                   : pick_weighted(
                         p.strategies(), [&](std::uint32_t i) { return fit.weight[i]; }, fit.total,
                         rng.uniform());
    const std::uint32_t child = offspring_of(parent, p, s_, rng);  // Stage 4: mutate
    const std::uint32_t dead = pick_individual(p, z, rng, parent);
    if (child != dead) {
      p.move(dead, child);
      payoffs.move(dead, child);
      if (!rejection_) fit.update(p, payoffs, s_);
    }
  }
}

void MoranDeathBirth::run_generation(Population& p, PopulationPayoffs& payoffs, Stream& rng) const {
  payoffs.reset(p);
  const std::uint64_t z = p.size();
  Fitnesses fit;
  if (!rejection_) fit.update(p, payoffs, s_);
  for (std::uint64_t event = 0; event < z; ++event) {
    poll_stop(s_.stop, event);
    // Stages 2-3: fitness and update (a random death, the gap filled in proportion to fitness)
    const std::uint32_t dead = pick_individual(p, z, rng);
    const std::uint32_t parent =
        rejection_ ? pick_by_rejection(p, z, payoffs, s_, max_fitness_, rng, dead)
                   : pick_weighted(
                         p.strategies(),
                         [&](std::uint32_t i) {
                           return i == dead ? fit.weight[i] - fit.f[i] : fit.weight[i];
                         },
                         fit.total - fit.f[dead], rng.uniform());
    const std::uint32_t child = offspring_of(parent, p, s_, rng);  // Stage 4: mutate
    if (child != dead) {
      p.move(dead, child);
      payoffs.move(dead, child);
      if (!rejection_) fit.update(p, payoffs, s_);
    }
  }
}

}  // namespace kindest::dynamics
