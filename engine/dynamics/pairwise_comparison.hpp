#pragma once
// Pairwise comparison with the Fermi rule (Szabo & Toke 1998; Traulsen, Nowak & Pacheco 2006):
// a uniformly random focal individual picks a uniformly random other individual as a model and
// adopts its strategy with probability 1 / (1 + exp(-beta (pi_model - pi_focal))). With
// probability mu the focal individual instead explores: it takes one of the other S - 1
// strategies uniformly (the convention of Traulsen et al. 2009 and EGTtools).
#include <cmath>

#include "engine/dynamics/process.hpp"

namespace kindest::dynamics {

/// The Fermi rule: whether a focal individual adopts its model's strategy when the model's
/// payoff exceeds its own by `gain`, with probability 1 / (1 + exp(-beta gain)); one uniform
/// draw. Shared by the count-based process below and the individual-based population layer.
inline bool fermi_adopts(double gain, double beta, Stream& rng) noexcept {
  return rng.uniform() * (1 + std::exp(-beta * gain)) < 1;
}

class PairwiseComparison final : public Process {
 public:
  explicit PairwiseComparison(const ProcessSettings& s) : s_(s) {}
  void run_generation(Population& population, PopulationPayoffs& payoffs,
                      Stream& rng) const override;

 private:
  ProcessSettings s_;
};

}  // namespace kindest::dynamics
