#include "engine/dynamics/ecological.hpp"

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "engine/core/errors.hpp"

namespace kindest::dynamics {

namespace {

std::string show(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

}  // namespace

Ecological::Ecological(games::PayoffMatrix payoffs) : payoffs_(std::move(payoffs)) {
  if (payoffs_.size() == 0)
    throw ConfigError("ecological dynamics: the payoff matrix has no strategies");
  for (std::size_t i = 0; i < size(); ++i)
    for (std::size_t j = 0; j < size(); ++j)
      if (!(payoffs_(i, j) >= 0 && std::isfinite(payoffs_(i, j))))
        throw ConfigError("ecological dynamics: payoff (" + std::to_string(i) + ", " +
                          std::to_string(j) + ") = " + show(payoffs_(i, j)) +
                          " is outside [0, inf); scores are offspring numbers, shift the payoffs "
                          "by a constant to make them non-negative");
}

std::vector<double> Ecological::next(const std::vector<double>& x) const {
  const std::size_t n = size();
  if (x.size() != n)
    throw ConfigError("ecological dynamics: state has " + std::to_string(x.size()) +
                      " frequencies for " + std::to_string(n) + " strategies");
  const std::vector<double>& a = payoffs_.row_major();
  std::vector<double> out(n);
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double f = 0;
    for (std::size_t j = 0; j < n; ++j) f += a[i * n + j] * x[j];
    out[i] = x[i] * f;
    total += out[i];
  }
  if (!(total > 0))
    throw ConfigError("ecological dynamics: mean score is " + show(total) +
                      "; the next generation needs a mean score > 0");
  for (double& v : out) v /= total;
  return out;
}

std::vector<std::vector<double>> iterate(const Ecological& dynamics, std::vector<double> x0,
                                         std::size_t generations) {
  if (x0.size() != dynamics.size())
    throw ConfigError("ecological dynamics: " + std::to_string(x0.size()) +
                      " initial frequencies for " + std::to_string(dynamics.size()) +
                      " strategies");
  double sum = 0;
  for (std::size_t i = 0; i < x0.size(); ++i) {
    if (!(x0[i] >= 0 && x0[i] <= 1))
      throw ConfigError("ecological dynamics: initial frequency " + std::to_string(i) + " = " +
                        show(x0[i]) + " is outside [0, 1]");
    sum += x0[i];
  }
  if (std::abs(sum - 1) > 1e-9)
    throw ConfigError("ecological dynamics: initial frequencies sum to " + show(sum) +
                      ", must sum to 1");
  for (double& v : x0) v /= sum;

  std::vector<std::vector<double>> out;
  out.reserve(generations + 1);
  out.push_back(std::move(x0));
  for (std::size_t t = 0; t < generations; ++t) out.push_back(dynamics.next(out.back()));
  return out;
}

}  // namespace kindest::dynamics
