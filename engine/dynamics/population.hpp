#pragma once
// A finite, well-mixed population: how many of its Z individuals play each of S strategies.
// In a well-mixed population individuals of one strategy are exchangeable, so the counts are
// the whole state (and the whole checkpoint).
#include <cstdint>
#include <numeric>
#include <vector>

#include "engine/random/streams.hpp"

namespace kindest::dynamics {

struct Population {
  std::vector<std::uint32_t> counts;  // individuals per strategy

  std::size_t strategies() const noexcept { return counts.size(); }
  std::uint64_t size() const noexcept {
    return std::accumulate(counts.begin(), counts.end(), std::uint64_t{0});
  }
  /// One individual switches from strategy `from` to `to`.
  void move(std::uint32_t from, std::uint32_t to) noexcept {
    --counts[from];
    ++counts[to];
  }
};

/// Index i with probability weight[i] / total, given u uniform on [0, 1). A linear scan: S is
/// small (tens) and the scan touches memory in order.
template <class Weight>
std::uint32_t pick_weighted(std::size_t n, Weight weight, double total, double u) noexcept {
  double target = u * total;
  for (std::uint32_t i = 0; i + 1 < n; ++i) {
    const double w = weight(i);
    if (target < w) return i;
    target -= w;
  }
  // Rounding can leave a sliver past the last weight; it belongs to the last strategy with
  // positive weight.
  std::uint32_t last = static_cast<std::uint32_t>(n - 1);
  while (last > 0 && weight(last) <= 0) --last;
  return last;
}

/// A uniformly random individual's strategy, optionally with one individual of strategy
/// `excluded` set aside (the focal individual, the parent, the dead one).
inline std::uint32_t pick_individual(const Population& p, std::uint64_t size, Stream& rng,
                                     std::int64_t excluded = -1) noexcept {
  const std::uint64_t n = excluded >= 0 ? size - 1 : size;
  std::uint64_t k = rng.below(n);
  for (std::uint32_t i = 0;; ++i) {
    const std::uint64_t c = p.counts[i] - (static_cast<std::int64_t>(i) == excluded ? 1 : 0);
    if (k < c) return i;
    k -= c;
  }
}

}  // namespace kindest::dynamics
