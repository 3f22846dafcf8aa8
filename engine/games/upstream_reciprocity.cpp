#include "engine/games/upstream_reciprocity.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/games/spec_text.hpp"

namespace kindest::games {
namespace {

constexpr const char* kModel = "upstream reciprocity";
constexpr const char* kForms = "ALLD, Upstream(u), Direct(d) or Linked(d, u), d and u in [0, 1]";

void check_probability(const char* parameter, double p) {
  if (!(p >= 0.0 && p <= 1.0))
    throw ModelError(kModel, parameter, number_text(p), "must be in [0, 1]");
}

// Solves A x = y for a small dense A (row-major, n x n) by Gaussian elimination with partial
// pivoting. A = (I - P)^T of a transient chain is nonsingular (its spectral radius < 1 as w < 1).
std::vector<double> solve(std::vector<double> a, std::vector<double> y, std::size_t n) {
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < n; ++r)
      if (std::abs(a[r * n + col]) > std::abs(a[pivot * n + col])) pivot = r;
    if (pivot != col) {
      for (std::size_t k = 0; k < n; ++k) std::swap(a[col * n + k], a[pivot * n + k]);
      std::swap(y[col], y[pivot]);
    }
    const double d = a[col * n + col];
    for (std::size_t r = col + 1; r < n; ++r) {
      const double f = a[r * n + col] / d;
      if (f == 0.0) continue;
      for (std::size_t k = col; k < n; ++k) a[r * n + k] -= f * a[col * n + k];
      y[r] -= f * y[col];
    }
  }
  std::vector<double> x(n);
  for (std::size_t r = n; r-- > 0;) {
    double s = y[r];
    for (std::size_t k = r + 1; k < n; ++k) s -= a[r * n + k] * x[k];
    x[r] = s / a[r * n + r];
  }
  return x;
}

std::uint64_t population_of(const ChainGame& game, const std::vector<std::uint64_t>& counts) {
  game.validate();
  if (counts.size() != game.rules.size())
    throw ModelError(kModel, "counts", std::to_string(counts.size()) + " entries",
                     "must have one entry per rule (" + std::to_string(game.rules.size()) + ")");
  std::uint64_t n = 0;
  for (auto k : counts) n += k;
  if (n < 3)
    throw ModelError(kModel, "N", std::to_string(n),
                     "must be at least 3 (a third party to pass help on to)");
  return n;
}

ChainPayoffs per_individual(const ChainGame& game, const std::vector<std::uint64_t>& counts,
                            const std::vector<double>& given, const std::vector<double>& received,
                            double acts_per_chain) {
  const double n = static_cast<double>(population_of(game, counts));
  ChainPayoffs out;
  out.acts_per_chain = acts_per_chain;
  for (std::size_t s = 0; s < counts.size(); ++s) {
    if (counts[s] == 0) {
      const double nan = std::numeric_limits<double>::quiet_NaN();
      out.payoff.push_back(nan);
      out.acts_given.push_back(nan);
      out.acts_received.push_back(nan);
      continue;
    }
    // N chains per round, shared among the n_s individuals of rule s.
    const double per = n / static_cast<double>(counts[s]);
    out.acts_given.push_back(per * given[s]);
    out.acts_received.push_back(per * received[s]);
    out.payoff.push_back(game.benefit * out.acts_received.back() -
                         game.cost * out.acts_given.back());
  }
  return out;
}

}  // namespace

HelpRule parse_help_rule(std::string_view text) {
  const auto t = trim_spec(text);
  if (t == "ALLD") return {"ALLD", 0, 0};
  std::string_view name;
  std::vector<double> args;
  const bool call = split_call(t, name, args);
  HelpRule r{std::string(t), 0, 0};
  if (call && name == "Upstream" && args.size() == 1) {
    r.upstream = args[0];
  } else if (call && name == "Direct" && args.size() == 1) {
    r.direct = args[0];
  } else if (call && name == "Linked" && args.size() == 2) {
    r.direct = args[0];
    r.upstream = args[1];
  } else {
    throw ModelError(kModel, "rule", std::string(t), std::string("is not one of ") + kForms);
  }
  if (!(r.direct >= 0 && r.direct <= 1 && r.upstream >= 0 && r.upstream <= 1))
    throw ModelError(kModel, "rule", std::string(t), "has a probability outside [0, 1]");
  return r;
}

void ChainGame::validate() const {
  if (!std::isfinite(benefit))
    throw ModelError(kModel, "b", number_text(benefit), "must be finite");
  if (!std::isfinite(cost)) throw ModelError(kModel, "c", number_text(cost), "must be finite");
  if (!(continuation >= 0.0 && continuation < 1.0))
    throw ModelError(kModel, "w", number_text(continuation),
                     "must be in [0, 1): a chain must end with probability 1");
  if (rules.empty()) throw ModelError(kModel, "rules", "", "must name at least one rule");
  for (const auto& r : rules) {
    check_probability("d", r.direct);
    check_probability("u", r.upstream);
  }
}

ChainPayoffs expected_chain_payoffs(const ChainGame& game,
                                    const std::vector<std::uint64_t>& counts) {
  const std::uint64_t n_total = population_of(game, counts);
  const std::size_t s = game.rules.size(), states = s * s;
  const double n = static_cast<double>(n_total);
  const auto state = [s](std::size_t donor, std::size_t recipient) {
    return donor * s + recipient;
  };
  // a[j * states + i] = (I - P)^T: row j collects the flows into state j.
  std::vector<double> a(states * states, 0.0), start(states, 0.0);
  for (std::size_t i = 0; i < states; ++i) a[i * states + i] = 1.0;
  for (std::size_t d = 0; d < s; ++d)
    for (std::size_t t = 0; t < s; ++t) {
      const auto from = state(d, t);
      const double nd = static_cast<double>(counts[d]);
      const double nt = static_cast<double>(counts[t]) - (d == t ? 1.0 : 0.0);
      start[from] = nd * nt / (n * (n - 1));
      const auto& rule = game.rules[t];
      const double back = game.continuation * rule.direct;
      const double forward = game.continuation * (1 - rule.direct) * rule.upstream;
      a[state(t, d) * states + from] -= back;
      for (std::size_t k = 0; k < s; ++k) {
        const double others =
            static_cast<double>(counts[k]) - (k == d ? 1.0 : 0.0) - (k == t ? 1.0 : 0.0);
        if (others > 0) a[state(t, k) * states + from] -= forward * others / (n - 2);
      }
    }
  const auto visits = solve(std::move(a), std::move(start), states);
  std::vector<double> given(s, 0.0), received(s, 0.0);
  double acts = 0;
  for (std::size_t d = 0; d < s; ++d)
    for (std::size_t t = 0; t < s; ++t) {
      given[d] += visits[state(d, t)];
      received[t] += visits[state(d, t)];
      acts += visits[state(d, t)];
    }
  return per_individual(game, counts, given, received, acts);
}

ChainPayoffs ChainTally::per_round(const ChainGame& game,
                                   const std::vector<std::uint64_t>& counts) const {
  const double k = static_cast<double>(chains);
  std::vector<double> g(given.size()), r(received.size());
  for (std::size_t i = 0; i < given.size(); ++i) {
    g[i] = given[i] / k;
    r[i] = received[i] / k;
  }
  return per_individual(game, counts, g, r, static_cast<double>(acts) / k);
}

void simulate_chain(const ChainGame& game, const std::vector<std::uint32_t>& rule_of, Stream& rng,
                    ChainTally& tally) {
  const std::uint64_t n = rule_of.size();
  std::uint64_t donor = rng.below(n);
  std::uint64_t recipient = rng.below(n - 1);
  if (recipient >= donor) ++recipient;
  std::uint64_t acts = 0;
  for (;;) {
    ++acts;
    tally.given[rule_of[donor]] += 1;
    tally.received[rule_of[recipient]] += 1;
    const auto& rule = game.rules[rule_of[recipient]];
    const double back = game.continuation * rule.direct;
    const double forward = game.continuation * (1 - rule.direct) * rule.upstream;
    const double x = rng.uniform();
    if (x < back) {
      std::swap(donor, recipient);
    } else if (x < back + forward) {
      // The third party: uniform among the N - 2 others than the recipient and its donor.
      const std::uint64_t lo = std::min(donor, recipient), hi = std::max(donor, recipient);
      std::uint64_t k = rng.below(n - 2);
      if (k >= lo) ++k;
      if (k >= hi) ++k;
      donor = recipient;
      recipient = k;
    } else {
      break;
    }
  }
  ++tally.chains;
  tally.acts += acts;
  tally.acts_squared += static_cast<double>(acts) * static_cast<double>(acts);
}

}  // namespace kindest::games
