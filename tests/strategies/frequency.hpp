#pragma once
// Conditional cooperation frequencies from a move string of play(): estimates of memory-one
// probabilities, checked to within 4 standard errors.
#include <cmath>
#include <string>
#include <string_view>

namespace kindest::testing {

struct Frequency {
  double value = 0;  // fraction of own C
  long count = 0;    // turns counted
};

/// Own cooperation frequency over the turns after a round equal to `previous` ("CD" = own C,
/// opponent D); an empty `previous` counts every turn but the first.
inline Frequency cooperation_after(const std::string& moves, std::string_view previous) {
  long count = 0;
  long cooperations = 0;
  for (std::size_t at = 3; at < moves.size(); at += 3) {
    const std::string_view last(moves.data() + at - 3, 2);
    if (!previous.empty() && last != previous) continue;
    ++count;
    cooperations += moves[at] == 'C';
  }
  Frequency f;
  f.count = count;
  if (count > 0) f.value = static_cast<double>(cooperations) / static_cast<double>(count);
  return f;
}

/// True when `f` is within 4 standard errors of `p` (the standard error taken at p, so an
/// estimate of exactly 0 or 1 is not trivially "close").
inline bool within_4_se(const Frequency& f, double p) {
  const double se = std::sqrt(p * (1 - p) / static_cast<double>(f.count));
  return f.count > 0 && std::abs(f.value - p) <= 4 * se + 1e-12;
}

}  // namespace kindest::testing
