#include "strategies/dbs.hpp"

#include <algorithm>

namespace kindest::strategies {

namespace {

// The paper's parameters, the library's defaults.
constexpr double discount = 0.75;
constexpr std::int64_t promotion_threshold = 3;
constexpr std::int64_t violation_threshold = 4;
constexpr std::int64_t reject_threshold = 3;
constexpr int depth = 5;
constexpr std::array<double, 4> round_value = {3, 0, 5, 1};  // CC, CD, DC, DD

std::size_t outcome(Action own, Action opponent) {
  return 2 * static_cast<std::size_t>(own) + static_cast<std::size_t>(opponent);
}

// The library's recursive expectimax, folded into a table: a node's value depends only on its
// outcome and depth, so each is computed once, with the same double operations as the
// recursion (ties between C and D then round alike). value[d][o]: an outcome o reached at
// depth d, the payoffs of rounds d..depth.
Action best_reply(std::size_t last, const std::array<double, 4>& model) {
  std::array<std::array<double, 4>, depth + 1> value{};
  value[depth] = round_value;
  // Expected value of choosing `own` after outcome o, the opponent answering as modelled.
  auto chance = [&](std::size_t own, std::size_t o, int d) {
    const double p = model[o];
    return p * value[d + 1][2 * own] + (1 - p) * value[d + 1][2 * own + 1];
  };
  for (int d = depth - 1; d >= 1; --d)
    for (std::size_t o = 0; o < 4; ++o)
      value[d][o] = std::max(chance(0, o, d), chance(1, o, d)) + round_value[o];
  const double c = chance(0, last, 0) + round_value[last];
  const double d = chance(1, last, 0) + round_value[last];
  return c >= d ? Action::C : Action::D;
}

}  // namespace

bool DBS::should_promote(std::size_t o, Action reply) const {
  // Count the outcome's occurrences back from now until the first answered the other way.
  const std::uint8_t counter_example = reply == Action::C ? 0 : 1;
  std::int64_t count = 0;
  for (std::size_t t = seen_[o].size() - 1; t >= 1; --t) {
    if (!seen_[o][t]) continue;
    if (answered_c_[o][t] == counter_example) break;
    ++count;
  }
  return count >= promotion_threshold;
}

double DBS::discounted_frequency(std::size_t o) const {
  // Newest first, weight discount^k by repeated multiplication, as the library sums.
  double c = 0, n = 0, weight = 1;
  for (std::size_t t = seen_[o].size(); t-- > 0 && weight > 0;) {
    c += weight * answered_c_[o][t];
    n += weight * seen_[o][t];
    weight *= discount;
  }
  if (n > 0) return c / n;
  // Only after some 2600 turns without the outcome, when every weight has underflowed (the
  // library divides by zero there): the plain frequency.
  const auto count = std::count(seen_[o].begin(), seen_[o].end(), 1);
  return static_cast<double>(std::count(answered_c_[o].begin(), answered_c_[o].end(), 1)) /
         static_cast<double>(count);
}

Action DBS::move(const History& own, const History& opponent, Stream&) {
  if (own.empty()) return Action::C;
  if (opponent.size() >= 2) {
    const std::size_t before = outcome(own.back(2), opponent.back(2));
    const Action reply = opponent.back();
    const double reply_c = reply == Action::C ? 1.0 : 0.0;
    for (std::size_t o = 0; o < 4; ++o) {
      seen_[o].push_back(o == before);
      answered_c_[o].push_back(o == before && reply == Action::C);
    }
    auto& rule = deterministic_[before];
    if (!rule && should_promote(before, reply)) {
      rule = reply_c;
      violations_[before] = 0;
    }
    if (rule) {
      if (*rule == reply_c) {
        violations_[before] = 0;
      } else if (++violations_[before] >= violation_threshold) {
        // The opponent changed: its rules become defaults, for a smooth transition.
        for (std::size_t o = 0; o < 4; ++o)
          if (deterministic_[o]) default_[o] = deterministic_[o];
        deterministic_ = {};
        violations_ = {};
        default_violations_ = 0;
      }
    }
    const bool reply_in_rules = deterministic_[before] && *deterministic_[before] == reply_c;
    const bool against_default = default_[before] && *default_[before] == 1 - reply_c;
    if (against_default) ++default_violations_;
    if (default_violations_ > reject_threshold || (reply_in_rules && against_default)) {
      default_ = {};
      default_violations_ = 0;
    }
    for (std::size_t o = 0; o < 4; ++o)
      model_[o] = default_[o]         ? *default_[o]
                  : deterministic_[o] ? *deterministic_[o]
                                      : discounted_frequency(o);
  }
  return best_reply(outcome(own.back(), opponent.back()), model_);
}

}  // namespace kindest::strategies
