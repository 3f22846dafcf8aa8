#include "strategies/hunters.hpp"

#include <algorithm>

namespace kindest::strategies::detail {

std::optional<std::size_t> shortest_period(const History& moves, std::size_t min_period,
                                           std::size_t max_period, std::size_t offset) {
  if (moves.size() <= offset) return std::nullopt;
  const std::size_t n = moves.size() - offset;
  const std::size_t longest = std::min(n / 2, max_period);
  for (std::size_t p = min_period; p <= longest; ++p) {
    bool repeats = true;
    for (std::size_t t = p; t < n && repeats; ++t)
      repeats = moves[offset + t] == moves[offset + t % p];
    if (repeats) return p;
  }
  return std::nullopt;
}

bool period_mixes(const History& moves, std::size_t period, std::size_t offset) {
  bool c = false, d = false;
  for (std::size_t t = 0; t < period; ++t) (moves[offset + t] == Action::C ? c : d) = true;
  return c && d;
}

}  // namespace kindest::strategies::detail
