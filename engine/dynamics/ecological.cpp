#include "engine/dynamics/ecological.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"

namespace kindest::dynamics {

namespace {
constexpr const char* kModel = "ecological dynamics";
std::string show(double v) { return number_text(v); }
std::string index(std::size_t i, std::size_t j) {
  return "(" + std::to_string(i) + ", " + std::to_string(j) + ")";
}
}  // namespace

Ecological::Ecological(games::PayoffMatrix payoffs) : payoffs_(std::move(payoffs)) {
  if (payoffs_.size() == 0) throw ModelError(kModel, "payoff matrix", "", "has no strategies");
  for (std::size_t i = 0; i < size(); ++i)
    for (std::size_t j = 0; j < size(); ++j)
      if (!(payoffs_(i, j) >= 0 && std::isfinite(payoffs_(i, j))))
        throw ModelError(kModel, "payoff " + index(i, j), show(payoffs_(i, j)),
                         "is outside [0, inf); scores are offspring numbers, shift the payoffs "
                         "by a constant to make them non-negative");
}

std::vector<double> Ecological::next(const std::vector<double>& x) const {
  const std::size_t n = size();
  if (x.size() != n)
    throw ModelError(kModel, "state", "",
                     "has " + std::to_string(x.size()) + " frequencies for " + std::to_string(n) +
                         " strategies");
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
    throw ModelError(kModel, "mean score", show(total),
                     "leaves no next generation: it must be > 0");
  for (double& v : out) v /= total;
  return out;
}

std::vector<std::vector<double>> iterate(const Ecological& dynamics, std::vector<double> x0,
                                         std::size_t generations) {
  if (x0.size() != dynamics.size())
    throw ModelError(kModel, "initial frequencies", "",
                     "are " + std::to_string(x0.size()) + " for " +
                         std::to_string(dynamics.size()) + " strategies");
  double sum = 0;
  for (std::size_t i = 0; i < x0.size(); ++i) {
    if (!(x0[i] >= 0 && x0[i] <= 1))
      throw ModelError(kModel, "initial frequency " + std::to_string(i), show(x0[i]),
                       "is outside [0, 1]");
    sum += x0[i];
  }
  if (std::abs(sum - 1) > 1e-9)
    throw ModelError(kModel, "sum of the initial frequencies", show(sum), "must be 1");
  for (double& v : x0) v /= sum;

  std::vector<std::vector<double>> out;
  out.reserve(generations + 1);
  out.push_back(std::move(x0));
  for (std::size_t t = 0; t < generations; ++t) out.push_back(dynamics.next(out.back()));
  return out;
}

}  // namespace kindest::dynamics
