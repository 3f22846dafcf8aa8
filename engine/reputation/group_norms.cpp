#include "engine/reputation/group_norms.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/dynamics/pairwise_comparison.hpp"

namespace kindest::reputation {

bool evolve_group_norms(std::vector<std::uint32_t>& norm_of, const std::vector<double>& payoff,
                        const GroupNormSettings& s, Stream& rng) {
  const auto m = static_cast<std::uint32_t>(norm_of.size());
  if (payoff.size() != norm_of.size())
    throw std::invalid_argument("group norms: " + std::to_string(payoff.size()) + " payoffs for " +
                                std::to_string(m) + " groups");
  if (!(s.imitation_rate >= 0 && s.imitation_rate <= 1) ||
      !(s.mutation_rate >= 0 && s.mutation_rate <= 1))
    throw std::invalid_argument("group norms: imitation and mutation rates must lie in [0, 1]");
  if (!(s.selection_intensity >= 0) || !std::isfinite(s.selection_intensity))
    throw std::invalid_argument("group norms: selection intensity must be finite and >= 0");
  if (s.pool == 0) throw std::invalid_argument("group norms: an empty pool");
  for (const std::uint32_t k : norm_of)
    if (k >= s.pool)
      throw std::invalid_argument("group norms: norm " + std::to_string(k) +
                                  " outside the pool of " + std::to_string(s.pool));
  const std::vector<std::uint32_t> before = norm_of;
  bool changed = false;
  for (std::uint32_t g = 0; g < m; ++g) {
    if (m > 1 && rng.bernoulli(s.imitation_rate)) {
      auto h = static_cast<std::uint32_t>(rng.below(m - 1));
      if (h >= g) ++h;
      if (before[h] != before[g] &&
          dynamics::fermi_adopts(payoff[h] - payoff[g], s.selection_intensity, rng)) {
        norm_of[g] = before[h];
        changed = true;
      }
    }
    if (s.pool > 1 && rng.bernoulli(s.mutation_rate)) {
      auto k = static_cast<std::uint32_t>(rng.below(s.pool - 1));
      if (k >= norm_of[g]) ++k;
      norm_of[g] = k;
      changed = true;
    }
  }
  return changed;
}

}  // namespace kindest::reputation
