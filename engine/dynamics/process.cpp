#include "engine/dynamics/process.hpp"

#include <string>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/dynamics/moran.hpp"
#include "engine/dynamics/pairwise_comparison.hpp"
#include "engine/dynamics/wright_fisher.hpp"

namespace kindest::dynamics {

std::unique_ptr<Process> make_process(const ProcessSettings& s, PayoffRange range) {
  if (s.kind != ProcessKind::pairwise_comparison && s.fitness_mapping == FitnessMapping::linear &&
      fitness(range.lowest, s.selection_intensity, s.fitness_mapping) <= 0)
    throw ModelError("finite population", "selection_intensity w",
                     number_text(s.selection_intensity),
                     "makes linear fitness 1 - w + w*pi non-positive for the lowest payoff " +
                         number_text(range.lowest) + "; use w < " +
                         number_text(1 / (1 - range.lowest)) + " or exponential fitness");
  switch (s.kind) {
    case ProcessKind::moran_birth_death:
      return std::make_unique<MoranBirthDeath>(s, range);
    case ProcessKind::moran_death_birth:
      return std::make_unique<MoranDeathBirth>(s, range);
    case ProcessKind::pairwise_comparison:
      return std::make_unique<PairwiseComparison>(s);
    case ProcessKind::wright_fisher:
      return std::make_unique<WrightFisher>(s);
  }
  return nullptr;
}

}  // namespace kindest::dynamics
