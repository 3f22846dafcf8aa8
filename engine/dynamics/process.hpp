#pragma once
// A finite-population update rule, run one generation at a time. A generation is Z update
// events for the Moran and pairwise-comparison processes (each individual updates once on
// average) and one synchronous resampling of all Z individuals for Wright-Fisher.
//
// Every generation draws from its own stream (seed, Purpose::population, replicate, generation),
// so a run can be resumed at any generation boundary from the counts alone.
#include <atomic>
#include <cstdint>
#include <memory>

#include "engine/dynamics/fitness.hpp"
#include "engine/dynamics/mutation.hpp"
#include "engine/dynamics/population_payoffs.hpp"

namespace kindest::dynamics {

enum class ProcessKind { moran_birth_death, moran_death_birth, pairwise_comparison, wright_fisher };

struct ProcessSettings {
  ProcessKind kind = ProcessKind::pairwise_comparison;
  double selection_intensity = 1;  // w (Moran, Wright-Fisher) or beta (pairwise comparison)
  FitnessMapping fitness_mapping = FitnessMapping::linear;
  double mutation_rate = 0;  // mu: per offspring (Moran, WF) or per update (pairwise)
  bool self_interaction = false;
  const LocalMutation* local_mutation = nullptr;  // null: uniform mutation (mutation.hpp)
  // Polled inside a generation (engine/core/stop.hpp): when set, run_generation throws
  // Interrupted part-way and the population must be discarded. Null: never stops.
  const std::atomic<bool>* stop = nullptr;

  /// The strategy a mutant of `from` takes.
  std::uint32_t mutant_of(std::uint32_t from, std::size_t strategies, Stream& rng) const {
    return local_mutation ? local_mutation->mutant_of(from, rng)
                          : dynamics::mutant_of(from, strategies, rng);
  }
};

class Process {
 public:
  virtual ~Process() = default;
  /// Advances `population` by one generation. `payoffs` must be built for the same game.
  virtual void run_generation(Population& population, PopulationPayoffs& payoffs,
                              Stream& rng) const = 0;
  /// Update events in one generation of a population of `size` (for throughput reports).
  virtual std::uint64_t events_per_generation(std::uint64_t size) const noexcept { return size; }
};

/// Bounds of every payoff an individual can get in the game.
struct PayoffRange {
  double lowest;
  double highest;
};

/// The process `settings` names. Throws ModelError when linear fitness could turn
/// non-positive for a payoff in `range` (use a smaller w or exponential fitness).
std::unique_ptr<Process> make_process(const ProcessSettings& settings, PayoffRange range);

}  // namespace kindest::dynamics
