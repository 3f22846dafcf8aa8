#include "engine/analytic/stationary_distribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"

namespace kindest::analytic {
namespace {

constexpr double kLogZero = -std::numeric_limits<double>::infinity();

// log(exp(x) + exp(y)) without overflow; exact when one side is log(0).
double log_add(double x, double y) {
  if (x < y) std::swap(x, y);
  if (y == kLogZero) return x;
  return x + std::log1p(std::exp(y - x));
}

// GTH state reduction on log transition rates (diagonal ignored). Removing state k re-routes
// every path i -> k -> j into i -> j, with k's exits renormalised by its total exit rate toward
// the states still left; back-substitution then builds pi from state 0 upward. Everything is a
// sum or product of non-negative terms, i.e. log_add and +, so nothing cancels.
std::vector<double> stationary_from_log_rates(Matrix a) {
  const std::size_t n = a.size();
  for (std::size_t k = n; k-- > 1;) {
    double log_exit = kLogZero;
    for (std::size_t j = 0; j < k; ++j) log_exit = log_add(log_exit, a[k][j]);
    if (log_exit == kLogZero)
      throw ModelError("stationary distribution", "transition matrix", "",
                       "is not irreducible (state " + std::to_string(k) +
                           " cannot reach any of states 0.." + std::to_string(k - 1) +
                           " once higher states are removed)");
    for (std::size_t i = 0; i < k; ++i) a[i][k] -= log_exit;
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j)
        if (i != j) a[i][j] = log_add(a[i][j], a[i][k] + a[k][j]);
  }
  std::vector<double> log_pi(n, 0.0);
  for (std::size_t k = 1; k < n; ++k) {
    log_pi[k] = kLogZero;
    for (std::size_t i = 0; i < k; ++i) log_pi[k] = log_add(log_pi[k], log_pi[i] + a[i][k]);
  }
  const double top = *std::max_element(log_pi.begin(), log_pi.end());
  double sum = 0;
  for (double& l : log_pi) sum += (l = std::exp(l - top));
  for (double& p : log_pi) p /= sum;
  return log_pi;
}

void check_fixation_matrix(const FixationProbabilities& fixation) {
  const std::size_t s = fixation.log_probability.size();
  if (s == 0 || fixation.probability.size() != s)
    throw ModelError("small-mutation limit", "fixation matrix", "", "must be non-empty S x S");
  for (std::size_t i = 0; i < s; ++i)
    if (fixation.probability[i].size() != s || fixation.log_probability[i].size() != s)
      throw ModelError("small-mutation limit", "fixation matrix row " + std::to_string(i), "",
                       "does not have " + std::to_string(s) + " entries");
}

}  // namespace

SmallMutationLimit compute_small_mutation_limit(const FixationProbabilities& fixation) {
  check_fixation_matrix(fixation);
  const std::size_t s = fixation.log_probability.size();
  SmallMutationLimit out{fixation.probability, Matrix(s, std::vector<double>(s, 0.0)), {}};
  Matrix log_rates(s, std::vector<double>(s, kLogZero));
  for (std::size_t i = 0; i < s; ++i) {
    double leave = 0;
    for (std::size_t j = 0; j < s; ++j) {
      if (j == i) continue;
      const double others = static_cast<double>(s - 1);
      out.transition[i][j] = fixation.probability[i][j] / others;
      log_rates[i][j] = fixation.log_probability[i][j] - std::log(others);
      leave += out.transition[i][j];
    }
    out.transition[i][i] = 1 - leave;
  }
  out.stationary = stationary_from_log_rates(std::move(log_rates));
  return out;
}

SmallMutationLimit compute_small_mutation_limit(const FixationProbabilities& fixation,
                                                const Matrix& mutation) {
  check_fixation_matrix(fixation);
  const std::size_t s = fixation.log_probability.size();
  if (mutation.size() != s)
    throw ModelError("small-mutation limit", "mutation kernel", "",
                     "has " + std::to_string(mutation.size()) + " rows, not " + std::to_string(s));
  SmallMutationLimit out{fixation.probability, Matrix(s, std::vector<double>(s, 0.0)), {}};
  Matrix log_rates(s, std::vector<double>(s, kLogZero));
  for (std::size_t i = 0; i < s; ++i) {
    const std::string row = "mutation kernel row " + std::to_string(i);
    if (mutation[i].size() != s)
      throw ModelError("small-mutation limit", row, "",
                       "does not have " + std::to_string(s) + " entries");
    double total = 0, leave = 0;
    for (std::size_t j = 0; j < s; ++j) {
      if (j == i) continue;
      const double m = mutation[i][j];
      if (!(m >= 0))
        throw ModelError("small-mutation limit", row, number_text(m), "is negative or NaN");
      total += m;
      out.transition[i][j] = m * fixation.probability[i][j];
      if (m > 0) log_rates[i][j] = std::log(m) + fixation.log_probability[i][j];
      leave += out.transition[i][j];
    }
    if (!(std::abs(total - 1) <= 1e-12))
      throw ModelError("small-mutation limit", row, number_text(total),
                       "must sum to 1 off the diagonal");
    out.transition[i][i] = 1 - leave;
  }
  out.stationary = stationary_from_log_rates(std::move(log_rates));
  return out;
}

SmallMutationLimit compute_small_mutation_limit(const games::PayoffMatrix& game,
                                                std::size_t population_size,
                                                const FixationSettings& settings) {
  return compute_small_mutation_limit(
      compute_fixation_probabilities(game, population_size, settings));
}

SmallMutationLimit compute_small_mutation_limit(const games::NPlayerGame& game,
                                                std::size_t population_size,
                                                const FixationSettings& settings) {
  return compute_small_mutation_limit(
      compute_fixation_probabilities(game, population_size, settings));
}

SmallMutationLimit compute_small_mutation_limit(const CompositionPayoffs& payoffs,
                                                const FixationSettings& settings) {
  return compute_small_mutation_limit(compute_fixation_probabilities(payoffs, settings));
}

std::vector<double> compute_stationary_distribution(const Matrix& transition) {
  const std::size_t n = transition.size();
  if (n == 0) throw ModelError("stationary distribution", "transition matrix", "", "is empty");
  Matrix log_rates(n, std::vector<double>(n, kLogZero));
  for (std::size_t i = 0; i < n; ++i) {
    if (transition[i].size() != n)
      throw ModelError(
          "stationary distribution", "row " + std::to_string(i), "",
          "has " + std::to_string(transition[i].size()) + " entries, not " + std::to_string(n));
    for (std::size_t j = 0; j < n; ++j) {
      if (!(transition[i][j] >= 0))
        throw ModelError("stationary distribution",
                         "entry (" + std::to_string(i) + ", " + std::to_string(j) + ")",
                         number_text(transition[i][j]), "is negative or NaN");
      if (j != i) log_rates[i][j] = std::log(transition[i][j]);
    }
  }
  return stationary_from_log_rates(std::move(log_rates));
}

}  // namespace kindest::analytic
