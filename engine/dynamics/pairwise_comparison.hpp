#pragma once
// Pairwise comparison with the Fermi rule (Szabo & Toke 1998; Traulsen, Nowak & Pacheco 2006):
// a uniformly random focal individual picks a uniformly random other individual as a model and
// adopts its strategy with probability 1 / (1 + exp(-beta (pi_model - pi_focal))). With
// probability mu the focal individual instead explores: it takes one of the other S - 1
// strategies uniformly (the convention of Traulsen et al. 2009 and EGTtools).
#include "engine/dynamics/process.hpp"

namespace kindest::dynamics {

class PairwiseComparison final : public Process {
 public:
  explicit PairwiseComparison(const ProcessSettings& s) : s_(s) {}
  void run_generation(Population& population, PopulationPayoffs& payoffs,
                      Stream& rng) const override;

 private:
  ProcessSettings s_;
};

}  // namespace kindest::dynamics
