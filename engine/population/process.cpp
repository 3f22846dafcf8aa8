#include "engine/population/process.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "engine/dynamics/population.hpp"

namespace kindest::population {
namespace {

using dynamics::ProcessSettings;

// Fitness of one individual: the count-based map, with negative values clipped to 0.
double fitness_of(double payoff, const ProcessSettings& s) {
  return std::max(0.0, dynamics::fitness(payoff, s.selection_intensity, s.fitness_mapping));
}

// The offspring's strategy: its parent's, or with probability mu a mutant's (as the count-based
// Moran and Wright-Fisher processes draw it).
std::uint32_t offspring_of(std::uint32_t parent_strategy, std::size_t strategies,
                           const ProcessSettings& s, Stream& rng) {
  return s.mutation_rate > 0 && rng.bernoulli(s.mutation_rate)
             ? s.mutant_of(parent_strategy, strategies, rng)
             : parent_strategy;
}

// Fitness of every individual and their sum, kept up to date as individuals are replaced.
struct Weights {
  std::vector<double> f;
  double total = 0;

  Weights(const std::vector<double>& payoff, const ProcessSettings& s) {
    for (double x : payoff) f.push_back(fitness_of(x, s));
    for (double x : f) total += x;
  }
  void set(std::uint32_t i, double value) {
    total += value - f[i];
    f[i] = value;
  }
  // An individual other than `excluded` (if >= 0) in proportion to fitness; uniformly when
  // all those have fitness 0.
  std::uint32_t pick(Stream& rng, std::int64_t excluded = -1) const {
    const auto z = static_cast<std::uint32_t>(f.size());
    const double sum = excluded >= 0 ? total - f[static_cast<std::size_t>(excluded)] : total;
    if (!(sum > 0)) {
      auto k = static_cast<std::uint32_t>(rng.below(excluded >= 0 ? z - 1 : z));
      if (excluded >= 0 && k >= excluded) ++k;
      return k;
    }
    return dynamics::pick_weighted(
        z, [&](std::uint32_t i) { return static_cast<std::int64_t>(i) == excluded ? 0.0 : f[i]; },
        sum, rng.uniform());
  }
};

// Individual `dead` is replaced by an offspring of `parent` with strategy `child`.
void replace(Individuals& p, std::vector<double>& payoff, Weights& w, std::uint32_t dead,
             std::uint32_t parent, std::uint32_t child) {
  p.set_strategy(dead, child);
  payoff[dead] = payoff[parent];
  w.set(dead, w.f[parent]);
}

void pairwise_comparison(Individuals& p, std::vector<double>& payoff, const ProcessSettings& s,
                         Stream& rng, std::uint64_t events) {
  for (std::uint64_t event = 0; event < events; ++event) {
    // Stages 3-4: update (imitation by the Fermi rule) or mutate, inside the event.
    const Update u = pairwise_comparison_event(p, payoff, s, rng);
    if (u.strategy == p.strategy(u.individual)) continue;
    p.set_strategy(u.individual, u.strategy);
    payoff[u.individual] = payoff[u.source];
  }
}

void moran_birth_death(Individuals& p, std::vector<double>& payoff, const ProcessSettings& s,
                       Stream& rng, std::uint64_t events) {
  Weights w(payoff, s);  // Stage 2: fitness
  const std::uint32_t z = p.size();
  for (std::uint64_t event = 0; event < events; ++event) {
    // Stage 3: update -- the reproducer in proportion to fitness, then one of the other Z - 1
    // dies.
    const std::uint32_t parent = w.pick(rng);
    const std::uint32_t child = offspring_of(p.strategy(parent), p.strategies(), s, rng);
    auto dead = static_cast<std::uint32_t>(rng.below(z - 1));
    if (dead >= parent) ++dead;
    replace(p, payoff, w, dead, parent, child);
  }
}

void moran_death_birth(Individuals& p, std::vector<double>& payoff, const ProcessSettings& s,
                       Stream& rng, std::uint64_t events) {
  Weights w(payoff, s);  // Stage 2: fitness
  const std::uint32_t z = p.size();
  for (std::uint64_t event = 0; event < events; ++event) {
    // Stage 3: update -- a random death, the gap filled by one of the other Z - 1 in
    // proportion to fitness.
    const auto dead = static_cast<std::uint32_t>(rng.below(z));
    const std::uint32_t parent = w.pick(rng, dead);
    const std::uint32_t child = offspring_of(p.strategy(parent), p.strategies(), s, rng);
    replace(p, payoff, w, dead, parent, child);
  }
}

void wright_fisher(Individuals& p, std::vector<double>& payoff, const ProcessSettings& s,
                   Stream& rng) {
  // Stage 2: fitness, as running sums over individuals.
  const std::uint32_t z = p.size();
  std::vector<double> cumulative(z);
  double total = 0;
  for (std::uint32_t i = 0; i < z; ++i) cumulative[i] = total += fitness_of(payoff[i], s);
  // Stages 3-4: update (Z offspring, each of a parent drawn in proportion to fitness) and mutate.
  std::vector<std::uint32_t> parents(z), strategies(z);
  for (std::uint32_t k = 0; k < z; ++k) {
    std::uint32_t parent;
    if (total > 0) {
      const double target = rng.uniform() * total;
      parent = static_cast<std::uint32_t>(
          std::upper_bound(cumulative.begin(), cumulative.end(), target) - cumulative.begin());
      // Rounding at the top end: the last individual with weight.
      if (parent >= z) {
        parent = z - 1;
        while (parent > 0 && cumulative[parent] == cumulative[parent - 1]) --parent;
      }
    } else {
      parent = static_cast<std::uint32_t>(rng.below(z));
    }
    parents[k] = parent;
    strategies[k] = offspring_of(p.strategy(parent), p.strategies(), s, rng);
  }
  std::vector<double> inherited(z);
  for (std::uint32_t k = 0; k < z; ++k) inherited[k] = payoff[parents[k]];
  for (std::uint32_t k = 0; k < z; ++k) p.set_strategy(k, strategies[k]);
  payoff = std::move(inherited);
}

}  // namespace

void run_generation(Individuals& p, std::vector<double>& payoff, const ProcessSettings& s,
                    Stream& rng, std::uint64_t events) {
  if (payoff.size() != p.size())
    throw std::invalid_argument("run_generation: " + std::to_string(payoff.size()) +
                                " payoffs for " + std::to_string(p.size()) + " individuals");
  if (events != 0 && s.kind == dynamics::ProcessKind::wright_fisher)
    throw std::invalid_argument(
        "run_generation: Wright-Fisher resamples the whole population once per generation; "
        "it takes no number of update events");
  if (events == 0) events = p.size();
  switch (s.kind) {
    case dynamics::ProcessKind::pairwise_comparison:
      return pairwise_comparison(p, payoff, s, rng, events);
    case dynamics::ProcessKind::moran_birth_death:
      return moran_birth_death(p, payoff, s, rng, events);
    case dynamics::ProcessKind::moran_death_birth:
      return moran_death_birth(p, payoff, s, rng, events);
    case dynamics::ProcessKind::wright_fisher:
      return wright_fisher(p, payoff, s, rng);
  }
}

}  // namespace kindest::population
