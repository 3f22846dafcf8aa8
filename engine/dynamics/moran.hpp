#pragma once
// The Moran process, one event at a time (Moran 1958; Nowak 2006, Evolutionary Dynamics ch. 6).
//   birth-death: an individual is chosen to reproduce with probability proportional to its
//     fitness; its offspring (mutated with probability mu) replaces one of the OTHER Z - 1
//     individuals, chosen uniformly.
//   death-birth: a uniformly random individual dies; the Z - 1 survivors compete for the gap in
//     proportion to fitness, computed before the death; the offspring may mutate.
// These are the conventions of engine/analytic/fixation_probabilities.hpp, so simulated
// fixation frequencies can be checked against its closed forms.
//
// Choosing an individual in proportion to fitness is done in one of two exact ways. When the
// fitness of any two individuals differs by at most a factor 2 (weak selection, the usual case),
// by rejection: a uniformly random candidate is accepted with probability f / f_max, which
// costs O(1) per event instead of O(S). Otherwise by a scan over the S strategies' weights.
#include "engine/dynamics/process.hpp"

namespace kindest::dynamics {

// What both Moran processes share: settings, the fitness bound and the sampling method.
class MoranProcess : public Process {
 public:
  MoranProcess(const ProcessSettings& s, PayoffRange range);

 protected:
  ProcessSettings s_;
  double max_fitness_;
  bool rejection_;
};

class MoranBirthDeath final : public MoranProcess {
 public:
  using MoranProcess::MoranProcess;
  void run_generation(Population& population, PopulationPayoffs& payoffs,
                      Stream& rng) const override;
};

class MoranDeathBirth final : public MoranProcess {
 public:
  using MoranProcess::MoranProcess;
  void run_generation(Population& population, PopulationPayoffs& payoffs,
                      Stream& rng) const override;
};

}  // namespace kindest::dynamics
