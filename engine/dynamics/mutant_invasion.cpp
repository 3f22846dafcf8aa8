#include "engine/dynamics/mutant_invasion.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"

namespace kindest::dynamics {

MutantInvasion::MutantInvasion(const InvasionSettings& settings, PairFunction pair,
                               std::vector<Rule> rules, std::vector<double> frequencies)
    : settings_(settings), pair_(std::move(pair)) {
  if (rules.empty() || rules.size() != frequencies.size())
    throw ModelError("mutant invasion", "frequencies", "",
                     "must be one per rule: " + std::to_string(frequencies.size()) + " for " +
                         std::to_string(rules.size()) + " rules");
  double sum = 0;
  for (double x : frequencies) {
    if (!(x > 0)) throw ModelError("mutant invasion", "frequency", number_text(x), "must be > 0");
    sum += x;
  }
  if (std::abs(sum - 1) > 1e-9)
    throw ModelError("mutant invasion", "sum of the frequencies", number_text(sum), "must be 1");
  for (std::size_t i = 0; i < rules.size(); ++i) add(rules[i], frequencies[i]);
}

void MutantInvasion::add(const Rule& rule, double frequency) {
  rules_.push_back(rule);
  x_.push_back(frequency);
  const std::size_t k = rules_.size() - 1;
  for (std::size_t i = 0; i < k; ++i) outcome_[i].push_back(pair_(rules_[i], rule));
  outcome_.emplace_back();
  outcome_[k].reserve(k + 1);
  for (std::size_t j = 0; j <= k; ++j) outcome_[k].push_back(pair_(rule, rules_[j]));
}

void MutantInvasion::remove_extinct() {
  std::size_t kept = 0;
  std::vector<std::size_t> keep;
  for (std::size_t i = 0; i < x_.size(); ++i)
    if (x_[i] >= settings_.extinction_threshold) keep.push_back(i);
  if (keep.size() == x_.size()) return;
  if (keep.empty()) keep.push_back(dominant());  // a threshold above 1/K: keep the commonest
  double sum = 0;
  for (std::size_t i : keep) sum += x_[i];
  for (std::size_t i : keep) {
    rules_[kept] = rules_[i];
    x_[kept] = x_[i] / sum;
    std::vector<PairOutcome> row;
    row.reserve(keep.size());
    for (std::size_t j : keep) row.push_back(outcome_[i][j]);
    outcome_[kept] = std::move(row);
    ++kept;
  }
  rules_.resize(kept);
  x_.resize(kept);
  outcome_.resize(kept);
}

void MutantInvasion::step(Stream& rng) {
  const std::size_t k = x_.size();
  // Stage 2: fitness
  fitness_.assign(k, settings_.background_fitness);
  double mean = 0;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) fitness_[i] += outcome_[i][j].payoff * x_[j];
    mean += x_[i] * fitness_[i];
  }
  // Stage 3: update
  if (mean > 0) {
    for (std::size_t i = 0; i < k; ++i) x_[i] *= fitness_[i] / mean;
    remove_extinct();
  }
  // Stage 4: mutate
  if (rng.uniform() < settings_.mutation_probability) {
    const Rule mutant = draw_rule(settings_, rng);
    for (double& x : x_) x *= 1 - settings_.mutant_frequency;
    add(mutant, settings_.mutant_frequency);
  }
}

Rule draw_rule(const InvasionSettings& settings, Stream& rng) {
  const double lo = settings.min_probability, hi = 1 - settings.min_probability;
  const auto draw = [&] {
    const double u = rng.uniform();
    // Inverse of the arcsine distribution function (2/pi) asin(sqrt(p)).
    const double p = settings.distribution == MutantDistribution::arcsine
                         ? 0.5 - 0.5 * std::cos(std::numbers::pi * u)
                         : u;
    return std::clamp(p, lo, hi);
  };
  if (settings.space == StrategySpace::reactive) {
    const double p = draw(), q = draw();
    return {p, q, p, q};
  }
  const double cc = draw(), cd = draw(), dc = draw(), dd = draw();
  return {cc, cd, dc, dd};
}

Rule mean_rule(const std::vector<Rule>& rules, const std::vector<double>& frequencies) {
  Rule m{};
  for (std::size_t i = 0; i < rules.size(); ++i)
    for (std::size_t s = 0; s < 4; ++s) m[s] += frequencies[i] * rules[i][s];
  return m;
}

std::size_t MutantInvasion::dominant() const {
  return static_cast<std::size_t>(std::max_element(x_.begin(), x_.end()) - x_.begin());
}

double MutantInvasion::average_payoff() const {
  double sum = 0;
  for (std::size_t i = 0; i < x_.size(); ++i)
    for (std::size_t j = 0; j < x_.size(); ++j) sum += x_[i] * x_[j] * outcome_[i][j].payoff;
  return sum;
}

double MutantInvasion::cooperation_rate() const {
  double sum = 0;
  for (std::size_t i = 0; i < x_.size(); ++i)
    for (std::size_t j = 0; j < x_.size(); ++j) sum += x_[i] * x_[j] * outcome_[i][j].cooperation;
  return sum;
}

int nearest_corner(const Rule& rule) {
  int corner = 0;
  for (double p : rule) corner = 2 * corner + (p >= 0.5 ? 1 : 0);
  return corner;
}

const char* corner_name(int corner) {
  static const char* const kNames[16] = {"ALLD",      "(0,0,0,1)", "(0,0,1,0)", "(0,0,1,1)",
                                         "(0,1,0,0)", "(0,1,0,1)", "(0,1,1,0)", "(0,1,1,1)",
                                         "GRIM",      "WSLS",      "TFT",       "(1,0,1,1)",
                                         "(1,1,0,0)", "(1,1,0,1)", "(1,1,1,0)", "ALLC"};
  return corner >= 0 && corner < 16 ? kNames[corner] : "?";
}

}  // namespace kindest::dynamics
