#pragma once
// An individual-based population: each individual's strategy index (and, in later models, its
// group tag or place on a graph), kept next to the counts per strategy. The reputation game
// plays among these individuals; the group, network and kin models reuse the layer.
//
// Updates share their rules with the count-based processes (engine/dynamics): the Fermi rule
// is dynamics::fermi_adopts, mutation is dynamics::ProcessSettings::mutant_of, so both layers
// draw the same way for the same decision.
#include <cstdint>
#include <vector>

#include "engine/dynamics/process.hpp"
#include "engine/random/streams.hpp"

namespace kindest::population {

class Individuals {
 public:
  /// counts[s] individuals of strategy s, numbered strategy by strategy. Throws
  /// std::invalid_argument for fewer than 2 individuals or no strategies.
  static Individuals from_counts(const std::vector<std::uint32_t>& counts);
  /// Individual i plays strategy_of[i] of `strategies` (a checkpoint's individuals). Throws
  /// std::invalid_argument for fewer than 2 individuals or an index out of range.
  static Individuals from_strategies(std::vector<std::uint32_t> strategy_of,
                                     std::size_t strategies);

  std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(strategy_of_.size()); }
  std::size_t strategies() const noexcept { return counts_.size(); }
  std::uint32_t strategy(std::uint32_t individual) const noexcept {
    return strategy_of_[individual];
  }
  const std::vector<std::uint32_t>& strategy_of() const noexcept { return strategy_of_; }
  const std::vector<std::uint32_t>& counts() const noexcept { return counts_; }
  void set_strategy(std::uint32_t individual, std::uint32_t strategy);

 private:
  std::vector<std::uint32_t> strategy_of_;
  std::vector<std::uint32_t> counts_;
};

/// One individual's new strategy.
struct Update {
  std::uint32_t individual;
  std::uint32_t strategy;  // may equal its current one
  // Whose realised payoff the individual holds for the rest of the generation: the model it
  // imitated, else itself (engine/population/process.hpp says why).
  std::uint32_t source;
};

/// One pairwise-comparison event (Traulsen, Nowak & Pacheco 2006), as dynamics::
/// PairwiseComparison runs it on counts: a uniformly random focal individual; with probability
/// mu it explores (mutant_of its strategy); otherwise it picks a uniformly random other
/// individual as its model and, when their strategies differ, adopts the model's by the Fermi
/// rule on payoff[model] - payoff[focal] (payoffs per individual).
Update pairwise_comparison_event(const Individuals& population, const std::vector<double>& payoff,
                                 const dynamics::ProcessSettings& settings, Stream& rng);

}  // namespace kindest::population
