#pragma once
// Payoff -> fitness for processes that select in proportion to fitness (Moran, Wright-Fisher).
#include <cmath>

namespace kindest::dynamics {

enum class FitnessMapping {
  linear,       // f = 1 - w + w pi (w in [0, 1] for the classic "weak selection" reading)
  exponential,  // f = exp(w pi): always positive, any w >= 0
};

constexpr double fitness(double payoff, double w, FitnessMapping mapping) noexcept {
  return mapping == FitnessMapping::linear ? 1 - w + w * payoff : std::exp(w * payoff);
}

}  // namespace kindest::dynamics
