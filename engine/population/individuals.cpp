#include "engine/population/individuals.hpp"

#include <stdexcept>
#include <string>

#include "engine/dynamics/pairwise_comparison.hpp"

namespace kindest::population {

Individuals Individuals::from_counts(const std::vector<std::uint32_t>& counts) {
  Individuals p;
  p.counts_ = counts;
  for (std::uint32_t s = 0; s < counts.size(); ++s)
    p.strategy_of_.insert(p.strategy_of_.end(), counts[s], s);
  if (counts.empty() || p.strategy_of_.size() < 2)
    throw std::invalid_argument("a population needs at least 2 individuals, got " +
                                std::to_string(p.strategy_of_.size()));
  return p;
}

Individuals Individuals::from_strategies(std::vector<std::uint32_t> strategy_of,
                                         std::size_t strategies) {
  if (strategy_of.size() < 2)
    throw std::invalid_argument("a population needs at least 2 individuals, got " +
                                std::to_string(strategy_of.size()));
  Individuals p;
  p.counts_.assign(strategies, 0);
  for (const auto s : strategy_of) {
    if (s >= strategies)
      throw std::invalid_argument("strategy index " + std::to_string(s) + " out of range");
    ++p.counts_[s];
  }
  p.strategy_of_ = std::move(strategy_of);
  return p;
}

void Individuals::set_strategy(std::uint32_t individual, std::uint32_t strategy) {
  if (strategy >= counts_.size())
    throw std::invalid_argument("strategy index " + std::to_string(strategy) + " out of range");
  --counts_[strategy_of_[individual]];
  ++counts_[strategy];
  strategy_of_[individual] = strategy;
}

Update pairwise_comparison_event(const Individuals& p, const std::vector<double>& payoff,
                                 const dynamics::ProcessSettings& s, Stream& rng) {
  const std::uint32_t z = p.size();
  const auto focal = static_cast<std::uint32_t>(rng.below(z));
  const std::uint32_t own = p.strategy(focal);
  // Stage 4 (mutate) replaces stage 3 (update: imitation) with probability mu.
  if (s.mutation_rate > 0 && rng.bernoulli(s.mutation_rate))
    return {focal, s.mutant_of(own, p.strategies(), rng), focal};
  auto model = static_cast<std::uint32_t>(rng.below(z - 1));
  if (model >= focal) ++model;
  const std::uint32_t theirs = p.strategy(model);
  if (theirs == own) return {focal, own, focal};
  const bool adopts =
      dynamics::fermi_adopts(payoff[model] - payoff[focal], s.selection_intensity, rng);
  return adopts ? Update{focal, theirs, model} : Update{focal, own, focal};
}

}  // namespace kindest::population
