#pragma once
// The Moran process, one event at a time (Moran 1958; Nowak 2006, Evolutionary Dynamics ch. 6).
//   birth-death: an individual is chosen to reproduce with probability proportional to its
//     fitness; its offspring (mutated with probability mu) replaces one of the OTHER Z - 1
//     individuals, chosen uniformly.
//   death-birth: a uniformly random individual dies; the Z - 1 survivors compete for the gap in
//     proportion to fitness, computed before the death; the offspring may mutate.
// These are the conventions of engine/analytic/fixation_probabilities.hpp, so simulated
// fixation frequencies can be checked against its closed forms.
#include "engine/dynamics/process.hpp"

namespace kindest::dynamics {

class MoranBirthDeath final : public Process {
 public:
  explicit MoranBirthDeath(const ProcessSettings& s) : s_(s) {}
  void run_generation(Population& population, PopulationPayoffs& payoffs,
                      Stream& rng) const override;

 private:
  ProcessSettings s_;
};

class MoranDeathBirth final : public Process {
 public:
  explicit MoranDeathBirth(const ProcessSettings& s) : s_(s) {}
  void run_generation(Population& population, PopulationPayoffs& payoffs,
                      Stream& rng) const override;

 private:
  ProcessSettings s_;
};

}  // namespace kindest::dynamics
