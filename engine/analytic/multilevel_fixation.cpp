#include "engine/analytic/multilevel_fixation.hpp"

#include <limits>

namespace kindest::analytic {

MultilevelLimit rare_split_fixation(const games::PayoffMatrix& game, std::size_t resident,
                                    std::size_t mutant, std::size_t groups, std::size_t max_size,
                                    const FixationSettings& settings) {
  FixationSettings moran = settings;
  moran.process = Process::moran_birth_death;
  moran.self_interaction = false;
  MultilevelLimit out;
  out.within = compute_fixation_probability(game, resident, mutant, max_size, moran);
  if (groups < 2) {
    out.between = 1;
    return out;
  }
  // Between groups every "individual" is a homogeneous group: its payoff is the game's
  // diagonal entry whatever the composition, so the same fitness mapping gives the ratio of
  // the groups' total fitness n f(a_rr) / n f(a_mm).
  const PayoffPair homogeneous{game(mutant, mutant), game(resident, resident)};
  out.between = compute_fixation_probability([homogeneous](std::size_t) { return homogeneous; },
                                             groups, moran);
  return out;
}

double multilevel_threshold(std::size_t groups, std::size_t max_size) {
  if (groups <= 2) return std::numeric_limits<double>::infinity();
  return 1 + static_cast<double>(max_size) / static_cast<double>(groups - 2);
}

}  // namespace kindest::analytic
