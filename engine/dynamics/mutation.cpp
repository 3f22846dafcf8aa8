#include "engine/dynamics/mutation.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"

namespace kindest::dynamics {

LocalMutation::LocalMutation(const std::vector<MemoryOneVector>& strategies, double sigma)
    : s_(strategies.size()), cumulative_(strategies.size() * strategies.size()) {
  if (s_ < 2)
    throw ModelError("local mutation", "strategies", std::to_string(s_), "must be at least 2");
  if (!(sigma > 0))
    throw ModelError("local mutation", "scale sigma", number_text(sigma), "must be > 0");
  for (std::size_t i = 0; i < s_; ++i) {
    // Weights relative to the nearest other strategy, so that a small sigma never underflows
    // every weight to 0.
    std::vector<double> d2(s_, 0);
    double nearest = INFINITY;
    for (std::size_t j = 0; j < s_; ++j) {
      for (int k = 0; k < 4; ++k) {
        const double d = strategies[i].p[static_cast<std::size_t>(k)] -
                         strategies[j].p[static_cast<std::size_t>(k)];
        d2[j] += d * d;
      }
      if (j != i) nearest = std::min(nearest, d2[j]);
    }
    double sum = 0;
    for (std::size_t j = 0; j < s_; ++j) {
      if (j != i) sum += std::exp(-(d2[j] - nearest) / (2 * sigma * sigma));
      cumulative_[i * s_ + j] = sum;
    }
  }
}

std::uint32_t LocalMutation::mutant_of(std::uint32_t from, Stream& rng) const {
  const double* row = &cumulative_[from * s_];
  const double target = rng.uniform() * row[s_ - 1];
  auto to = static_cast<std::uint32_t>(std::upper_bound(row, row + s_, target) - row);
  // upper_bound lands on a step of positive width, never on `from` (width 0); only rounding at
  // the very top can run past the end: then take the last strategy with weight.
  const auto width = [&](std::uint32_t k) { return row[k] - (k > 0 ? row[k - 1] : 0.0); };
  if (to >= s_) {
    to = static_cast<std::uint32_t>(s_ - 1);
    while (width(to) <= 0) --to;
  }
  return to;
}

double LocalMutation::probability(std::uint32_t from, std::uint32_t to) const {
  if (from == to) return 0;
  const double* row = &cumulative_[from * s_];
  return (row[to] - (to > 0 ? row[to - 1] : 0)) / row[s_ - 1];
}

}  // namespace kindest::dynamics
