#pragma once
// Infinite-population frequency dynamics on the simplex for a symmetric matrix game A
// (Taylor & Jonker 1978; Hofbauer & Sigmund 1998, Evolutionary Games and Population Dynamics):
//
//   replicator          x_i' = x_i (f_i - f_bar)
//   replicator-mutator  x_i' = sum_j x_j f_j Q_ji - x_i f_bar       (Nowak 2006, ch. 3)
//
// with fitness f = A x and mean fitness f_bar = x . f / sum_i x_i (the division changes nothing
// on the simplex; it makes sum_i x_i' = 0 everywhere, see derivative()). Q is row-stochastic:
// Q_ji is the probability that an offspring of a j-strategist plays i. The replicator-mutator
// keeps the simplex forward-invariant only while every f_j >= 0, so use non-negative payoffs with
// mutation.
//
// Integration: Dormand & Prince (1980) embedded Runge-Kutta 5(4), seven stages with the FSAL
// property, the fifth-order solution propagated (local extrapolation).
//
// ACCURACY CONTRACT. Every accepted step satisfies
//     sqrt( (1/S) sum_i ( e_i / (abs_tol + rel_tol * max(|x_i|, |x_i_new|)) )^2 ) <= 1,
// where e is the embedded estimate of that step's local error. This bounds the error committed
// per step, not the global error: the global error typically grows with the number of steps and,
// for neutrally stable dynamics (zero-sum cycles), roughly linearly in time. With the defaults
// (1e-10 / 1e-10) the tests' closed forms are met to ~1e-10 (logistic growth to t = 20,
// x1 x2 x3 of zero-sum rock-paper-scissors to t = 50); the tests assert 1e-8. Recorded states
// are accepted-step endpoints: the step that would pass a record time is shortened to land on
// it exactly (no interpolation), so record_interval also caps the step size.
//
// SIMPLEX. Runge-Kutta methods conserve linear invariants, and sum_i x_i is one because
// sum_i x_i' = 0 for every x; after an accepted step the sum therefore differs from 1 only by
// rounding. The integrator then sets negative components (rounding, or truncation error of a
// component decaying to 0) to 0 and divides by the sum. The largest |sum - 1| seen before
// renormalisation and the largest clipped amount are reported in IntegrationStats, so callers
// can check that renormalisation never hid a real error.
#include <cstddef>
#include <limits>
#include <vector>

#include "engine/games/payoff_matrix.hpp"

namespace kindest::dynamics {

/// Step-size control. Invalid values (non-positive tolerances or max_step) throw ModelError.
struct ReplicatorSettings {
  double abs_tol = 1e-10;
  double rel_tol = 1e-10;
  double max_step = std::numeric_limits<double>::infinity();  // in units of time
};

class Replicator {
 public:
  /// Plain replicator dynamics.
  explicit Replicator(games::PayoffMatrix payoffs);
  /// Replicator-mutator dynamics; `mutation` is S x S row-major, row-stochastic (Q_ji at j*S + i).
  Replicator(games::PayoffMatrix payoffs, std::vector<double> mutation);

  /// Q with probability 1 - rate of staying and rate / (S - 1) of becoming each other strategy.
  static std::vector<double> uniform_mutation(std::size_t strategies, double rate);

  std::size_t size() const noexcept { return payoffs_.size(); }
  const games::PayoffMatrix& payoffs() const noexcept { return payoffs_; }
  bool has_mutation() const noexcept { return !mutation_.empty(); }

  /// dx = x' at x (resized to size()). Safe to call concurrently from several threads.
  void derivative(const std::vector<double>& x, std::vector<double>& dx) const;
  /// The Jacobian d x_i' / d x_k of derivative() at x, row-major (i * S + k), resized to S x S.
  void jacobian(const std::vector<double>& x, std::vector<double>& jac) const;

 private:
  games::PayoffMatrix payoffs_;
  std::vector<double> mutation_;  // empty: no mutation
};

struct IntegrationStats {
  std::size_t accepted_steps = 0;
  std::size_t rejected_steps = 0;
  std::size_t derivative_evaluations = 0;
  double max_sum_drift = 0;  // max |sum_i x_i - 1| after a step, before renormalisation
  double max_clipped = 0;    // largest magnitude of a negative component set to 0
};

struct ReplicatorTrajectory {
  std::vector<double> time;                // 0, dt, 2 dt, ..., then t_end if not a multiple of dt
  std::vector<std::vector<double>> state;  // state[k] = frequencies at time[k]
  IntegrationStats stats;
};

/// Integrates from x0 (non-negative, summing to 1 within 1e-9; rescaled to sum exactly 1) over
/// [0, t_end] and records the state every `record_interval`. Throws ModelError on invalid
/// input and ModelError (parameter rel_tol) if the step size underflows.
ReplicatorTrajectory integrate(const Replicator& dynamics, std::vector<double> x0, double t_end,
                               double record_interval, const ReplicatorSettings& settings = {});

struct RestPoint {
  std::vector<double> x;
  double time = 0;      // integration time at which the rest point was reached
  double residual = 0;  // max_i |x_i'| at x
  bool converged = false;
  bool polished = false;  // x is a Newton root, not the trajectory's end point
  IntegrationStats stats;
};

/// Follows the trajectory from x0 until max_i |x_i'| <= residual_tol (converged) or t_max (not
/// converged, e.g. on a neutral cycle), so it finds the attractor reached from x0, which may lie
/// on the boundary; unstable rest points are found only from starts exactly on them.
/// An explicit method cannot settle closer to a stable rest point than about its tolerances:
/// once steps reach the stability limit set by the fastest eigenvalue, the step-size controller
/// keeps the trajectory hovering about abs_tol away. So whenever the residual falls below 1e-6
/// (and then each further factor of 100), Newton's method on x' = 0 with sum_i x_i = 1 is tried
/// from the trajectory's point; its root is taken if it meets residual_tol, lies within 1e-3 of
/// that point (max norm) and stays in the simplex (components >= -1e-12, then clipped).
RestPoint find_rest_point(const Replicator& dynamics, std::vector<double> x0,
                          double residual_tol = 1e-12, double t_max = 1e6,
                          const ReplicatorSettings& settings = {});

}  // namespace kindest::dynamics
