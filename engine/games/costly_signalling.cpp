#include "engine/games/costly_signalling.hpp"

#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/suggest.hpp"
#include "engine/games/spec_text.hpp"

namespace kindest::games {
namespace {

constexpr const char* kModel = "costly signalling";

const std::vector<SignallerRule>& signaller_rules() {
  static const std::vector<SignallerRule> rules = {
      {"Never", false, false},
      {"Honest", true, false},
      {"Always", true, true},
      {"Perverse", false, true},
  };
  return rules;
}

const std::vector<ObserverRule>& observer_rules() {
  static const std::vector<ObserverRule> rules = {
      {"Never", false, false},
      {"Discerning", true, false},
      {"Always", true, true},
      {"Contrarian", false, true},
  };
  return rules;
}

template <class Rule>
Rule find_rule(const std::vector<Rule>& rules, std::string_view text, const char* parameter) {
  const auto t = trim_spec(text);
  std::vector<std::string> names;
  std::string list;
  for (const auto& r : rules) {
    if (r.name == t) return r;
    names.push_back(r.name);
    list += (list.empty() ? "" : ", ") + r.name;
  }
  throw ModelError(kModel, parameter, std::string(t),
                   "is not one of the " + std::string(parameter) + " rules" +
                       did_you_mean(t, names) + "; there are " + list);
}

void check_finite(const char* parameter, double x) {
  if (!std::isfinite(x)) throw ModelError(kModel, parameter, number_text(x), "must be finite");
}

double as_number(bool x) { return x ? 1.0 : 0.0; }

}  // namespace

SignallerRule parse_signaller_rule(std::string_view text) {
  return find_rule(signaller_rules(), text, "signaller");
}

ObserverRule parse_observer_rule(std::string_view text) {
  return find_rule(observer_rules(), text, "observer");
}

void SignallingGame::validate() const {
  if (!(high_quality > 0.0 && high_quality < 1.0))
    throw ModelError(kModel, "q", number_text(high_quality),
                     "must be in (0, 1): both qualities must occur");
  for (const auto& [name, cost] : {std::pair{"c_H", cost_high}, std::pair{"c_L", cost_low}})
    if (!(std::isfinite(cost) && cost >= 0.0))
      throw ModelError(kModel, name, number_text(cost), "must be finite and >= 0");
  check_finite("b", benefit);
  check_finite("a", alliance);
  check_finite("h", value_high);
  check_finite("l", value_low);
}

double signaller_payoff(const SignallingGame& g, const SignallerRule& s, const ObserverRule& r) {
  const double q = g.high_quality;
  // One quality: the signal's cost if sent, and a if the observer allies after what it saw.
  const auto one = [&](bool signals, double cost) {
    const bool allied = signals ? r.after_signal : r.after_silence;
    return -as_number(signals) * cost + as_number(allied) * g.alliance;
  };
  return q * one(s.when_high, g.cost_high) + (1 - q) * one(s.when_low, g.cost_low);
}

double observer_payoff(const SignallingGame& g, const ObserverRule& r, const SignallerRule& s) {
  const double q = g.high_quality;
  // One quality: the public good if signalled, and the partner's value if allied.
  const auto one = [&](bool signals, double value) {
    const bool allied = signals ? r.after_signal : r.after_silence;
    return as_number(signals) * g.benefit + as_number(allied) * value;
  };
  return q * one(s.when_high, g.value_high) + (1 - q) * one(s.when_low, g.value_low);
}

PayoffMatrix signalling_payoff_matrix(const SignallingGame& game,
                                      const std::vector<SignallingStrategy>& strategies) {
  game.validate();
  const std::size_t n = strategies.size();
  PayoffMatrix a(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      a(i, j) = 0.5 * signaller_payoff(game, strategies[i].signaller, strategies[j].observer) +
                0.5 * observer_payoff(game, strategies[i].observer, strategies[j].signaller);
  return a;
}

SeparatingConditions separating_conditions(const SignallingGame& g) {
  g.validate();
  return {.high_signals = g.alliance - g.cost_high,
          .low_stays_silent = g.cost_low - g.alliance,
          .ally_after_signal = g.value_high,
          .shun_silence = -g.value_low,
          .pooled_partner = g.high_quality * g.value_high + (1 - g.high_quality) * g.value_low};
}

}  // namespace kindest::games
