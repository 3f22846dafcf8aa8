#pragma once
// Wright-Fisher: non-overlapping generations. Each of the Z individuals of the next generation
// picks its parent independently with probability proportional to fitness (multinomial
// sampling) and mutates with probability mu.
#include "engine/dynamics/process.hpp"

namespace kindest::dynamics {

class WrightFisher final : public Process {
 public:
  explicit WrightFisher(const ProcessSettings& s) : s_(s) {}
  void run_generation(Population& population, PopulationPayoffs& payoffs,
                      Stream& rng) const override;

 private:
  ProcessSettings s_;
};

}  // namespace kindest::dynamics
