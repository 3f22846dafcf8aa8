#include "engine/dynamics/replicator.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"

namespace kindest::dynamics {

namespace {

constexpr const char* kModel = "replicator";
std::string show(double v) { return number_text(v); }

void check_payoffs(const games::PayoffMatrix& a) {
  if (a.size() == 0) throw ModelError(kModel, "payoff matrix", "", "has no strategies");
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < a.size(); ++j)
      if (!std::isfinite(a(i, j)))
        throw ModelError(kModel, "payoff (" + std::to_string(i) + ", " + std::to_string(j) + ")",
                         show(a(i, j)), "is not a finite number");
}

void check_mutation(const std::vector<double>& q, std::size_t n) {
  if (q.size() != n * n)
    throw ModelError(kModel, "mutation matrix", "",
                     "has " + std::to_string(q.size()) + " entries, expected " +
                         std::to_string(n * n) + " (S x S, S = " + std::to_string(n) + ")");
  for (std::size_t j = 0; j < n; ++j) {
    double row = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double v = q[j * n + i];
      if (!(v >= 0 && v <= 1))
        throw ModelError(
            kModel, "mutation probability (" + std::to_string(j) + ", " + std::to_string(i) + ")",
            show(v), "is outside [0, 1]");
      row += v;
    }
    if (std::abs(row - 1) > 1e-12)
      throw ModelError(kModel, "sum of mutation matrix row " + std::to_string(j), show(row),
                       "must be 1 (row-stochastic)");
  }
}

void check_settings(const ReplicatorSettings& s) {
  if (!(s.abs_tol > 0)) throw ModelError(kModel, "abs_tol", show(s.abs_tol), "must be > 0");
  if (!(s.rel_tol > 0)) throw ModelError(kModel, "rel_tol", show(s.rel_tol), "must be > 0");
  if (!(s.max_step > 0)) throw ModelError(kModel, "max_step", show(s.max_step), "must be > 0");
}

void check_and_normalise(std::vector<double>& x, std::size_t n) {
  if (x.size() != n)
    throw ModelError(
        kModel, "initial frequencies", "",
        "are " + std::to_string(x.size()) + " for " + std::to_string(n) + " strategies");
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(x[i] >= 0 && x[i] <= 1))
      throw ModelError(kModel, "initial frequency " + std::to_string(i), show(x[i]),
                       "is outside [0, 1]");
    sum += x[i];
  }
  if (std::abs(sum - 1) > 1e-9)
    throw ModelError(kModel, "sum of the initial frequencies", show(sum), "must be 1");
  for (double& v : x) v /= sum;
}

// Dormand & Prince (1980), RK5(4)7M. Row 7 of A equals the fifth-order weights, so the last stage
// is the derivative at the new point and is reused as the next step's first (FSAL). The nodes c_i
// are not needed: the dynamics do not depend on time.
constexpr double a21 = 1.0 / 5;
constexpr double a31 = 3.0 / 40, a32 = 9.0 / 40;
constexpr double a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9;
constexpr double a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561,
                 a54 = -212.0 / 729;
constexpr double a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247, a64 = 49.0 / 176,
                 a65 = -5103.0 / 18656;
constexpr double b1 = 35.0 / 384, b3 = 500.0 / 1113, b4 = 125.0 / 192, b5 = -2187.0 / 6784,
                 b6 = 11.0 / 84;
// Fifth- minus fourth-order weights: the local error estimate.
constexpr double e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200,
                 e6 = 22.0 / 525, e7 = -1.0 / 40;

// Step-size controller (Hairer, Norsett & Wanner, Solving ODEs I, II.4): h_new = h * 0.9 err^-1/5,
// limited to [0.2, 5] h so one lucky or unlucky estimate cannot swing the step too far.
constexpr double kSafety = 0.9, kMinFactor = 0.2, kMaxFactor = 5.0;

class DormandPrince {
 public:
  DormandPrince(const Replicator& f, std::vector<double> x0, const ReplicatorSettings& s)
      : f_(f),
        s_(s),
        n_(x0.size()),
        x_(std::move(x0)),
        k1_(n_),
        k2_(n_),
        k3_(n_),
        k4_(n_),
        k5_(n_),
        k6_(n_),
        k7_(n_),
        y_(n_),
        x_new_(n_) {
    evaluate(x_, k1_);
    h_ = std::min(initial_step(), s_.max_step);
  }

  double t() const noexcept { return t_; }
  const std::vector<double>& x() const noexcept { return x_; }
  const std::vector<double>& dx() const noexcept { return k1_; }
  const IntegrationStats& stats() const noexcept { return stats_; }

  // One accepted step, never past t_stop; when the step reaches t_stop, t() == t_stop exactly.
  void step_towards(double t_stop) {
    for (;;) {
      double h = std::min(h_, s_.max_step);
      // Stretching a step by up to 10 % to land on t_stop avoids a sliver step just before it.
      const bool lands = t_stop - t_ <= 1.1 * h;
      if (lands) h = t_stop - t_;
      if (h <= 16 * std::numeric_limits<double>::epsilon() * std::max(1.0, std::abs(t_)))
        throw ModelError(kModel, "rel_tol", show(s_.rel_tol),
                         "cannot be met: the step size underflowed (h = " + show(h) +
                             ") at t = " + show(t_) + "; loosen the tolerances");
      const double err = attempt(h);
      const double factor =
          err == 0 ? kMaxFactor : std::clamp(kSafety * std::pow(err, -0.2), kMinFactor, kMaxFactor);
      if (err <= 1) {
        accept(lands ? t_stop : t_ + h);
        // A landing step may have been shortened; the controller's proposal still holds.
        h_ = lands ? std::max(h_, h * factor) : h * factor;
        return;
      }
      ++stats_.rejected_steps;
      h_ = h * std::min(1.0, factor);
    }
  }

 private:
  void evaluate(const std::vector<double>& x, std::vector<double>& dx) {
    f_.derivative(x, dx);
    ++stats_.derivative_evaluations;
  }

  // Weighted RMS norm of v with the weights of the accuracy contract at x_.
  double norm(const std::vector<double>& v) const {
    double sum = 0;
    for (std::size_t i = 0; i < n_; ++i) {
      const double r = v[i] / (s_.abs_tol + s_.rel_tol * std::abs(x_[i]));
      sum += r * r;
    }
    return std::sqrt(sum / static_cast<double>(n_));
  }

  // Hairer, Norsett & Wanner, Solving ODEs I, II.4: a step whose explicit Euler error would be
  // about the tolerance, from the derivative's size and its change over a trial Euler step.
  double initial_step() {
    const double d0 = norm(x_), d1 = norm(k1_);
    const double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
    for (std::size_t i = 0; i < n_; ++i) y_[i] = x_[i] + h0 * k1_[i];
    evaluate(y_, k2_);
    for (std::size_t i = 0; i < n_; ++i) k2_[i] -= k1_[i];
    const double d2 = norm(k2_) / h0;
    const double h1 = std::max(d1, d2) <= 1e-15 ? std::max(1e-6, h0 * 1e-3)
                                                : std::pow(0.01 / std::max(d1, d2), 0.2);
    return std::min(100 * h0, h1);
  }

  // Computes the five-stage-plus-FSAL update into x_new_ and k7_; returns the error norm.
  double attempt(double h) {
    const std::size_t n = n_;
    for (std::size_t i = 0; i < n; ++i) y_[i] = x_[i] + h * a21 * k1_[i];
    evaluate(y_, k2_);
    for (std::size_t i = 0; i < n; ++i) y_[i] = x_[i] + h * (a31 * k1_[i] + a32 * k2_[i]);
    evaluate(y_, k3_);
    for (std::size_t i = 0; i < n; ++i)
      y_[i] = x_[i] + h * (a41 * k1_[i] + a42 * k2_[i] + a43 * k3_[i]);
    evaluate(y_, k4_);
    for (std::size_t i = 0; i < n; ++i)
      y_[i] = x_[i] + h * (a51 * k1_[i] + a52 * k2_[i] + a53 * k3_[i] + a54 * k4_[i]);
    evaluate(y_, k5_);
    for (std::size_t i = 0; i < n; ++i)
      y_[i] =
          x_[i] + h * (a61 * k1_[i] + a62 * k2_[i] + a63 * k3_[i] + a64 * k4_[i] + a65 * k5_[i]);
    evaluate(y_, k6_);
    for (std::size_t i = 0; i < n; ++i)
      x_new_[i] = x_[i] + h * (b1 * k1_[i] + b3 * k3_[i] + b4 * k4_[i] + b5 * k5_[i] + b6 * k6_[i]);
    evaluate(x_new_, k7_);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double e =
          h * (e1 * k1_[i] + e3 * k3_[i] + e4 * k4_[i] + e5 * k5_[i] + e6 * k6_[i] + e7 * k7_[i]);
      const double r =
          e / (s_.abs_tol + s_.rel_tol * std::max(std::abs(x_[i]), std::abs(x_new_[i])));
      sum += r * r;
    }
    return std::sqrt(sum / static_cast<double>(n));
  }

  void accept(double t_new) {
    ++stats_.accepted_steps;
    t_ = t_new;
    double sum = 0;
    for (double v : x_new_) sum += v;
    stats_.max_sum_drift = std::max(stats_.max_sum_drift, std::abs(sum - 1));
    bool clipped = false;
    for (double& v : x_new_)
      if (v < 0) {
        stats_.max_clipped = std::max(stats_.max_clipped, -v);
        sum -= v;
        v = 0;
        clipped = true;
      }
    for (double& v : x_new_) v /= sum;
    std::swap(x_, x_new_);
    // After clipping the FSAL stage belongs to a different point; rescaling alone moves the point
    // by rounding only, so k7 is kept then.
    if (clipped)
      evaluate(x_, k1_);
    else
      std::swap(k1_, k7_);
  }

  const Replicator& f_;
  ReplicatorSettings s_;
  std::size_t n_;
  double t_ = 0, h_ = 0;
  std::vector<double> x_, k1_, k2_, k3_, k4_, k5_, k6_, k7_, y_, x_new_;
  IntegrationStats stats_;
};

double max_abs(const std::vector<double>& v) {
  double m = 0;
  for (double e : v) m = std::max(m, std::abs(e));
  return m;
}

// Solves m z = r in place (r becomes z) by Gaussian elimination with partial pivoting; false if
// m is numerically singular.
bool solve(std::vector<double>& m, std::vector<double>& r) {
  const std::size_t n = r.size();
  const double scale = max_abs(m);
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t p = c;
    for (std::size_t i = c + 1; i < n; ++i)
      if (std::abs(m[i * n + c]) > std::abs(m[p * n + c])) p = i;
    if (!(std::abs(m[p * n + c]) > 1e-13 * scale)) return false;
    if (p != c) {
      for (std::size_t k = 0; k < n; ++k) std::swap(m[p * n + k], m[c * n + k]);
      std::swap(r[p], r[c]);
    }
    for (std::size_t i = c + 1; i < n; ++i) {
      const double factor = m[i * n + c] / m[c * n + c];
      for (std::size_t k = c; k < n; ++k) m[i * n + k] -= factor * m[c * n + k];
      r[i] -= factor * r[c];
    }
  }
  for (std::size_t c = n; c-- > 0;) {
    for (std::size_t k = c + 1; k < n; ++k) r[c] -= m[c * n + k] * r[k];
    r[c] /= m[c * n + c];
  }
  return true;
}

// Newton's method for x' = 0 on the simplex from `start`. The components of x' sum to 0, so one
// equation is redundant and is replaced by sum_i x_i = 1. Returns the root's residual, or a
// negative value if the iteration failed or left the region described in the header.
double polish(const Replicator& f, std::vector<double>& x, double residual_tol,
              IntegrationStats& stats) {
  constexpr int kIterations = 8;
  constexpr double kMaxDistance = 1e-3, kNegativeSlack = 1e-12;
  const std::size_t n = x.size();
  const std::vector<double> start = x;
  std::vector<double> dx, jac;
  for (int it = 0; it <= kIterations; ++it) {
    f.derivative(x, dx);
    ++stats.derivative_evaluations;
    const double residual = max_abs(dx);
    if (residual <= residual_tol) return residual;
    if (it == kIterations) break;
    f.jacobian(x, jac);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      jac[(n - 1) * n + i] = 1;
      dx[i] = -dx[i];
      total += x[i];
    }
    dx[n - 1] = 1 - total;
    if (!solve(jac, dx)) break;
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      x[i] += dx[i];
      if (x[i] < -kNegativeSlack || std::abs(x[i] - start[i]) > kMaxDistance) return -1;
      x[i] = std::max(x[i], 0.0);
      sum += x[i];
    }
    for (double& v : x) v /= sum;
  }
  return -1;
}

}  // namespace

Replicator::Replicator(games::PayoffMatrix payoffs) : payoffs_(std::move(payoffs)) {
  check_payoffs(payoffs_);
}

Replicator::Replicator(games::PayoffMatrix payoffs, std::vector<double> mutation)
    : payoffs_(std::move(payoffs)), mutation_(std::move(mutation)) {
  check_payoffs(payoffs_);
  check_mutation(mutation_, payoffs_.size());
}

std::vector<double> Replicator::uniform_mutation(std::size_t strategies, double rate) {
  if (!(rate >= 0 && rate <= 1))
    throw ModelError(kModel, "mutation_rate", show(rate), "is outside [0, 1]");
  if (strategies == 0 || (strategies == 1 && rate > 0))
    throw ModelError(kModel, "mutation_rate", show(rate),
                     std::string("needs at least ") + (rate > 0 ? "2 strategies" : "1 strategy") +
                         ", got " + std::to_string(strategies));
  const double other = strategies > 1 ? rate / static_cast<double>(strategies - 1) : 0;
  std::vector<double> q(strategies * strategies, other);
  for (std::size_t i = 0; i < strategies; ++i) q[i * strategies + i] = 1 - rate;
  return q;
}

void Replicator::derivative(const std::vector<double>& x, std::vector<double>& dx) const {
  const std::size_t n = size();
  if (x.size() != n)
    throw ModelError(
        kModel, "state", "",
        "has " + std::to_string(x.size()) + " entries for " + std::to_string(n) + " strategies");
  dx.resize(n);
  const std::vector<double>& a = payoffs_.row_major();
  double production = 0, total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double f = 0;
    for (std::size_t j = 0; j < n; ++j) f += a[i * n + j] * x[j];
    dx[i] = f;
    production += x[i] * f;
    total += x[i];
  }
  // f_bar = production / total rather than production: equal on the simplex, but it makes
  // sum_i x_i' = 0 for every x, not only for sum_i x_i = 1. Otherwise rounding off the simplex
  // decays at rate f_bar, a stiff direction: once steps exceed the stability limit for it
  // (h f_bar > ~3.3, common near a rest point), Runge-Kutta stages amplify the rounding.
  const double mean = production / total;
  if (mutation_.empty()) {
    for (std::size_t i = 0; i < n; ++i) dx[i] = x[i] * (dx[i] - mean);
    return;
  }
  // Offspring production x_j f_j must be complete before it is redistributed through Q;
  // thread-local storage keeps derivative() const, reentrant and free of per-call allocation.
  thread_local std::vector<double> births;
  births.resize(n);
  for (std::size_t j = 0; j < n; ++j) births[j] = x[j] * dx[j];
  for (std::size_t i = 0; i < n; ++i) dx[i] = -x[i] * mean;
  for (std::size_t j = 0; j < n; ++j) {
    const double* q = &mutation_[j * n];
    for (std::size_t i = 0; i < n; ++i) dx[i] += births[j] * q[i];
  }
}

void Replicator::jacobian(const std::vector<double>& x, std::vector<double>& jac) const {
  const std::size_t n = size();
  if (x.size() != n)
    throw ModelError(
        kModel, "state", "",
        "has " + std::to_string(x.size()) + " entries for " + std::to_string(n) + " strategies");
  const games::PayoffMatrix& a = payoffs_;
  std::vector<double> f(n, 0), g(n, 0);  // f = A x, g = A^T x
  double production = 0, total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      f[i] += a(i, j) * x[j];
      g[i] += a(j, i) * x[j];
    }
    production += x[i] * f[i];
    total += x[i];
  }
  const double mean = production / total;
  jac.assign(n * n, 0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < n; ++k) {
      const double d_mean = (f[k] + g[k] - mean) / total;  // d f_bar / d x_k
      double v = -x[i] * d_mean - (i == k ? mean : 0);
      if (mutation_.empty()) {
        v += x[i] * a(i, k) + (i == k ? f[i] : 0);
      } else {
        v += f[k] * mutation_[k * n + i];
        for (std::size_t j = 0; j < n; ++j) v += x[j] * a(j, k) * mutation_[j * n + i];
      }
      jac[i * n + k] = v;
    }
}

ReplicatorTrajectory integrate(const Replicator& dynamics, std::vector<double> x0, double t_end,
                               double record_interval, const ReplicatorSettings& settings) {
  check_settings(settings);
  check_and_normalise(x0, dynamics.size());
  if (!(t_end >= 0 && std::isfinite(t_end)))
    throw ModelError(kModel, "t_end", show(t_end), "must be finite and >= 0");
  if (!(record_interval > 0))
    throw ModelError(kModel, "record_interval", show(record_interval), "must be > 0");

  // Record times are k * dt rather than a running sum, so they carry no accumulated rounding.
  std::vector<double> times;
  const double intervals = std::floor(t_end / record_interval * (1 + 1e-12));
  for (double k = 0; k <= intervals; ++k) times.push_back(std::min(k * record_interval, t_end));
  if (t_end - times.back() > 1e-12 * std::max(1.0, t_end)) times.push_back(t_end);

  ReplicatorTrajectory out;
  out.time.reserve(times.size());
  out.state.reserve(times.size());
  out.time.push_back(0);
  out.state.push_back(x0);
  if (times.size() == 1) return out;
  DormandPrince stepper(dynamics, std::move(x0), settings);
  for (std::size_t k = 1; k < times.size(); ++k) {
    while (stepper.t() < times[k]) stepper.step_towards(times[k]);
    out.time.push_back(times[k]);
    out.state.push_back(stepper.x());
  }
  out.stats = stepper.stats();
  return out;
}

RestPoint find_rest_point(const Replicator& dynamics, std::vector<double> x0, double residual_tol,
                          double t_max, const ReplicatorSettings& settings) {
  check_settings(settings);
  check_and_normalise(x0, dynamics.size());
  if (!(residual_tol > 0))
    throw ModelError(kModel, "residual_tol", show(residual_tol), "must be > 0");
  if (!(t_max > 0)) throw ModelError(kModel, "t_max", show(t_max), "must be > 0");

  DormandPrince stepper(dynamics, std::move(x0), settings);
  RestPoint out;
  double try_newton_below = 1e-6;
  for (;;) {
    out.residual = max_abs(stepper.dx());
    out.time = stepper.t();
    out.converged = out.residual <= residual_tol;
    if (out.converged || stepper.t() >= t_max) break;
    if (out.residual <= try_newton_below) {
      std::vector<double> x = stepper.x();
      const double residual = polish(dynamics, x, residual_tol, out.stats);
      if (residual >= 0) {
        out.x = std::move(x);
        out.residual = residual;
        out.converged = out.polished = true;
        break;
      }
      try_newton_below = out.residual * 1e-2;
    }
    stepper.step_towards(t_max);
  }
  if (!out.polished) out.x = stepper.x();
  const std::size_t newton_evaluations = out.stats.derivative_evaluations;
  out.stats = stepper.stats();
  out.stats.derivative_evaluations += newton_evaluations;
  return out;
}

}  // namespace kindest::dynamics
