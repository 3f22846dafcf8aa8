#include "engine/games/continuous_investment.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/games/spec_text.hpp"

namespace kindest::games {
namespace {

constexpr const char* kModel = "continuous investment";
constexpr const char* kForms =
    "NonInvestor, Fixed(x), RTS(a, b), ShortChanger(a, d), Matcher(a) or Linear(a, k, m)";

// Beyond this many rounds a series that has not settled is taken to diverge (or to be too slow
// to matter: w = 0.999999 and investments growing). RTS against itself at w = 0.999 settles in
// about 4 10^4 rounds.
constexpr std::uint64_t kMaxRounds = 10'000'000;
constexpr double kTiny = 1e-17;

struct State {
  double first, second;
  bool operator==(const State&) const = default;
};

State advance(const InvestmentStrategy& a, const InvestmentStrategy& b, State s) noexcept {
  return {a.next(s.first, s.second), b.next(s.second, s.first)};
}

InvestmentPayoffs round_payoffs(const InvestmentGame& g, State s) noexcept {
  return {g.benefit_of(s.second) - g.cost_of(s.first), g.benefit_of(s.first) - g.cost_of(s.second)};
}

[[noreturn]] void diverges(const InvestmentGame& g, const InvestmentStrategy& a,
                           const InvestmentStrategy& b) {
  throw ModelError(kModel, "strategy pair", a.name + " against " + b.name,
                   "has an expected payoff that does not settle within " +
                       number_text(static_cast<double>(kMaxRounds)) +
                       " rounds: investments grow as fast as the match ends (w = " +
                       number_text(g.continuation) + "); lower w or the growth");
}

}  // namespace

double InvestmentStrategy::next(double own, double partner) const noexcept {
  double x = 0;
  switch (rule) {
    case InvestmentRule::fixed:
      x = start;
      break;
    case InvestmentRule::raise_the_stakes:
      x = partner > own ? own + 2 * step : partner == own ? own + step : partner;
      break;
    case InvestmentRule::short_changer:
      x = partner - step;
      break;
    case InvestmentRule::linear:
      x = intercept + slope * partner;
      break;
  }
  return std::max(0.0, x);
}

InvestmentStrategy parse_investment_strategy(std::string_view text) {
  const auto t = trim_spec(text);
  InvestmentStrategy s;
  s.name = std::string(t);
  if (t == "NonInvestor") return s;
  std::string_view name;
  std::vector<double> args;
  if (!split_call(t, name, args))
    throw ModelError(kModel, "strategy", s.name, std::string("is not one of ") + kForms);
  name = trim_spec(name);  // "Fixed (2)" is Fixed(2)
  for (double x : args)
    if (!std::isfinite(x))
      throw ModelError(kModel, "strategy", s.name, "has a number that is not finite");
  if (name == "Fixed" && args.size() == 1) {
    s.start = args[0];
  } else if ((name == "RTS" || name == "RaiseTheStakes") && args.size() == 2) {
    s.rule = InvestmentRule::raise_the_stakes;
    s.start = args[0];
    s.step = args[1];
  } else if (name == "ShortChanger" && args.size() == 2) {
    s.rule = InvestmentRule::short_changer;
    s.start = args[0];
    s.step = args[1];
  } else if (name == "Matcher" && args.size() == 1) {
    s.rule = InvestmentRule::linear;
    s.start = args[0];
    s.slope = 1;
  } else if (name == "Linear" && args.size() == 3) {
    s.rule = InvestmentRule::linear;
    s.start = args[0];
    s.intercept = args[1];
    s.slope = args[2];
  } else {
    throw ModelError(kModel, "strategy", s.name, std::string("is not one of ") + kForms);
  }
  if (s.start < 0 || s.step < 0)
    throw ModelError(kModel, "strategy", s.name,
                     "has a negative investment or step: a, x, b and d must be >= 0");
  return s;
}

std::vector<InvestmentStrategy> raise_the_stakes_grid(const std::vector<double>& starts,
                                                      const std::vector<double>& increments) {
  const auto check = [](const std::vector<double>& values, const char* what) {
    std::string text;
    for (double x : values) text += (text.empty() ? "" : ", ") + number_text(x);
    if (values.empty()) throw ModelError(kModel, what, "", "must list at least one value");
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (!(std::isfinite(values[k]) && values[k] >= 0))
        throw ModelError(kModel, what, text, "must be finite and >= 0");
      if (k > 0 && !(values[k] > values[k - 1]))
        throw ModelError(kModel, what, text, "must be strictly increasing");
    }
  };
  check(starts, "grid starts");
  check(increments, "grid increments");
  if (starts.size() * increments.size() < 2)
    throw ModelError(kModel, "grid", "1 point",
                     "and grid_increments give one point (a, b): the grid needs at least two");
  std::vector<InvestmentStrategy> grid;
  for (double a : starts)
    for (double b : increments)
      grid.push_back(
          parse_investment_strategy("RTS(" + number_text(a) + ", " + number_text(b) + ")"));
  return grid;
}

double InvestmentGame::benefit_of(double x) const noexcept {
  switch (shape) {
    case BenefitShape::linear:
      return benefit * x;
    case BenefitShape::saturating:
      return -benefit * saturation * std::expm1(-x / saturation);
  }
  return 0;
}

double InvestmentGame::expected_rounds() const noexcept {
  return continuation > 0 ? 1.0 / (1.0 - continuation) : static_cast<double>(rounds);
}

void InvestmentGame::validate() const {
  if (!(std::isfinite(benefit) && benefit >= 0))
    throw ModelError(kModel, "B", number_text(benefit), "must be finite and >= 0");
  if (!(std::isfinite(cost) && cost >= 0))
    throw ModelError(kModel, "C", number_text(cost), "must be finite and >= 0");
  if (shape == BenefitShape::saturating && !(std::isfinite(saturation) && saturation > 0))
    throw ModelError(kModel, "h", number_text(saturation), "must be finite and > 0");
  if (!(continuation >= 0 && continuation < 1))
    throw ModelError(kModel, "w", number_text(continuation),
                     "must be in [0, 1): a match must end with probability 1");
  if (continuation == 0 && rounds < 1)
    throw ModelError(kModel, "rounds", std::to_string(rounds), "must be >= 1");
}

InvestmentPayoffs expected_investment_payoffs(const InvestmentGame& g, const InvestmentStrategy& a,
                                              const InvestmentStrategy& b) {
  g.validate();
  const bool geometric = g.continuation > 0;
  const double w = g.continuation;
  InvestmentPayoffs sum;
  State s{a.start, b.start};
  State prev{}, prev2{};  // the states of rounds t - 1 and t - 2, once t > 1 and t > 2
  double weight = 1;      // w^(t-1), or 1 while t <= rounds
  const auto add = [&sum](InvestmentPayoffs p, double f) {
    sum.first += f * p.first;
    sum.second += f * p.second;
  };
  for (std::uint64_t t = 1;; ++t) {
    // Rounds left including this one (fixed length); the geometric tail has no end.
    const double left = geometric ? 0 : static_cast<double>(g.rounds - t + 1);
    const auto here = round_payoffs(g, s);
    if (t > 1 && s == prev) {  // period 1: the same round from now on
      add(here, geometric ? weight / (1 - w) : left);
      return sum;
    }
    if (t > 2 && s == prev2) {  // period 2: this round and the last alternate from now on
      const auto other = round_payoffs(g, prev);
      if (geometric) {
        add(here, weight / (1 - w * w));
        add(other, weight * w / (1 - w * w));
      } else {
        add(here, std::ceil(left / 2));
        add(other, std::floor(left / 2));
      }
      return sum;
    }
    add(here, weight);
    if (!std::isfinite(sum.first) || !std::isfinite(sum.second)) diverges(g, a, b);
    if (!geometric && t == g.rounds) return sum;
    if (geometric) {
      const double term = weight * (std::abs(here.first) + std::abs(here.second));
      if (weight < kTiny && term <= kTiny * (std::abs(sum.first) + std::abs(sum.second)))
        return sum;
      weight *= w;
    }
    if (t >= kMaxRounds) diverges(g, a, b);
    prev2 = prev;
    prev = s;
    s = advance(a, b, s);
  }
}

PayoffMatrix investment_payoff_matrix(const InvestmentGame& game,
                                      const std::vector<InvestmentStrategy>& strategies) {
  const std::size_t n = strategies.size();
  PayoffMatrix m(n);
  const double per_round = 1.0 / game.expected_rounds();
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i; j < n; ++j) {
      const auto p = expected_investment_payoffs(game, strategies[i], strategies[j]);
      m(i, j) = p.first * per_round;
      m(j, i) = p.second * per_round;
    }
  return m;
}

InvestmentMatch play_investment_match(const InvestmentGame& g, const InvestmentStrategy& a,
                                      const InvestmentStrategy& b, Stream& rng) {
  g.validate();
  InvestmentMatch m;
  m.rounds = g.continuation > 0 ? static_cast<std::uint64_t>(rng.geometric_length(g.continuation))
                                : g.rounds;
  State s{a.start, b.start};
  for (std::uint64_t t = 0; t < m.rounds; ++t) {
    const auto p = round_payoffs(g, s);
    m.total.first += p.first;
    m.total.second += p.second;
    s = advance(a, b, s);
  }
  return m;
}

}  // namespace kindest::games
