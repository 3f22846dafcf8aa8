#pragma once
// Shared by the first-tournament rules that "check whether the opponent plays randomly"
// (FirstBySteinAndRapoport, FirstByGraaskamp): a chi-squared goodness-of-fit test of the
// opponent's cooperation and defection counts against a fair coin, as the Axelrod library reads
// those descriptions.
#include <cmath>

#include "engine/core/history.hpp"

namespace kindest::strategies {

/// True when a fair coin cannot be rejected at significance `alpha`: the chi-squared statistic
/// (C - D)^2 / N has one degree of freedom, so its p-value is erfc(sqrt(statistic / 2)).
inline bool looks_like_fair_coin(const History& h, double alpha) {
  if (h.empty()) return true;
  const auto difference = static_cast<double>(h.cooperations() - h.defections());
  const double statistic = difference * difference / static_cast<double>(h.size());
  return std::erfc(std::sqrt(statistic / 2.0)) >= alpha;
}

}  // namespace kindest::strategies
