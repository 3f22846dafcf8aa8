#pragma once
// The "ecological" tournament of Axelrod (1984, The Evolution of Cooperation, ch. 2): each
// generation a strategy's share grows in proportion to its score against the current mix,
//
//   x_i(t+1) = x_i(t) f_i(t) / f_bar(t),   f = A x,   f_bar = x . f,
//
// the discrete-time replicator equation. Its rest points are those of the continuous replicator
// x_i' = x_i (f_i - f_bar) for the same A (f_i = f_bar on the support), though stability can
// differ. Scores act as numbers of offspring, so they must not be negative: every payoff must be
// >= 0 (zeros are allowed, as in the prisoner's dilemma's S = 0) and the mean score must stay > 0;
// otherwise ModelError. Each generation divides by the sum of the x_i f_i actually computed, so
// frequencies sum to 1 up to one rounding error per generation, without accumulation.
#include <cstddef>
#include <vector>

#include "engine/games/payoff_matrix.hpp"

namespace kindest::dynamics {

class Ecological {
 public:
  /// Throws ModelError if a payoff is negative or not finite.
  explicit Ecological(games::PayoffMatrix payoffs);

  std::size_t size() const noexcept { return payoffs_.size(); }
  const games::PayoffMatrix& payoffs() const noexcept { return payoffs_; }

  /// Frequencies one generation after x. Throws ModelError if the mean score at x is 0.
  std::vector<double> next(const std::vector<double>& x) const;

 private:
  games::PayoffMatrix payoffs_;
};

/// generations + 1 states: [0] = x0 (non-negative, summing to 1 within 1e-9; rescaled to sum
/// exactly 1), [t] = frequencies after t generations.
std::vector<std::vector<double>> iterate(const Ecological& dynamics, std::vector<double> x0,
                                         std::size_t generations);

}  // namespace kindest::dynamics
