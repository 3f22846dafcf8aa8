#pragma once
// Conditional cooperation frequencies from a move string of play(): estimates of memory-one
// probabilities, checked to within 4 standard errors.
#include <cmath>
#include <cstddef>
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

/// How a move string of play() agrees with a rule that cooperates on turn t with probability
/// p(t), p computed from the turns before t (the rule restated in the test). Turns with p = 0
/// or 1 must match exactly; over the others the number of cooperations minus its expectation,
/// sum (C_t - p_t), is a martingale with variance sum p_t (1 - p_t), so it must lie within 4 of
/// its standard deviations of 0. A wrong probability on a fair share of the turns fails.
struct Agreement {
  long mismatches = 0;    // turns with p = 0 or 1 played the other way
  long random_turns = 0;  // turns with 0 < p < 1
  double excess = 0;      // sum (C_t - p_t)
  double variance = 0;    // sum p_t (1 - p_t)
  bool ok() const { return mismatches == 0 && std::abs(excess) <= 4 * std::sqrt(variance) + 1e-12; }
};

template <class Probability>
Agreement agreement(const std::string& moves, Probability p) {
  Agreement a;
  for (std::size_t at = 0, t = 0; at < moves.size(); at += 3, ++t) {
    const double q = p(t);
    const double c = moves[at] == 'C' ? 1.0 : 0.0;
    if (q <= 0 || q >= 1) {
      a.mismatches += c != (q >= 1 ? 1.0 : 0.0);
      continue;
    }
    ++a.random_turns;
    a.excess += c - q;
    a.variance += q * (1 - q);
  }
  return a;
}

}  // namespace kindest::testing
