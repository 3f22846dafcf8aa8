#include "engine/analytic/fixation_probabilities.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"

namespace kindest::analytic {
namespace {

constexpr const char* kModel = "fixation probability";
std::string show(double x) { return number_text(x); }

void check(std::size_t population_size, const FixationSettings& s) {
  if (population_size < 2)
    throw ModelError(kModel, "population size Z", std::to_string(population_size),
                     "must be at least 2");
  if (!std::isfinite(s.selection_intensity) || s.selection_intensity < 0)
    throw ModelError(kModel, "selection_intensity", show(s.selection_intensity),
                     "is outside [0, inf)");
}

double log_fitness(double payoff, const FixationSettings& s) {
  const double w = s.selection_intensity;
  if (s.fitness_mapping == FitnessMapping::exponential) return w * payoff;
  const double f = dynamics::fitness(payoff, w, FitnessMapping::linear);
  if (!(f > 0))
    throw ModelError(kModel, "selection_intensity w", show(w),
                     "makes linear fitness 1 - w + w*payoff = " + show(f) +
                         " non-positive for payoff " + show(payoff) + "; use w < " +
                         show(1 / (1 - payoff)) + " or exponential fitness");
  return std::log(f);
}

// log T-(j)/T+(j); see the header for the one-step probabilities.
double log_ratio(PayoffPair pi, std::size_t j, std::size_t population_size,
                 const FixationSettings& s) {
  switch (s.process) {
    case Process::pairwise_comparison:
      return s.selection_intensity * (pi.resident - pi.mutant);
    case Process::moran_birth_death:
      return log_fitness(pi.resident, s) - log_fitness(pi.mutant, s);
    case Process::moran_death_birth: {
      // (f_B/f_A) (j f_A + (Z-j-1) f_B) / ((j-1) f_A + (Z-j) f_B), with the sums divided by the
      // larger fitness so that exp() cannot overflow and neutral drift gives exactly 0.
      const double la = log_fitness(pi.mutant, s), lb = log_fitness(pi.resident, s);
      const double mutants = static_cast<double>(j);
      const double residents = static_cast<double>(population_size - j);
      const double fa = la >= lb ? 1.0 : std::exp(la - lb);
      const double fb = la >= lb ? std::exp(lb - la) : 1.0;
      return lb - la +
             std::log((mutants * fa + (residents - 1) * fb) /
                      ((mutants - 1) * fa + residents * fb));
    }
  }
  throw ModelError(kModel, "process", std::to_string(static_cast<int>(s.process)), "is unknown");
}

// log rho = -log(1 + sum_k exp(L_k)), L_k = sum_{j<=k} log T-(j)/T+(j), by a two-pass
// log-sum-exp (shift by the largest term) so that no exp() overflows.
double compute_log_fixation_probability(const PayoffsByMutants& payoffs,
                                        std::size_t population_size, const FixationSettings& s) {
  std::vector<double> partial(population_size, 0.0);  // partial[0] = 0 is the leading "1"
  for (std::size_t j = 1; j < population_size; ++j) {
    const PayoffPair pi = payoffs(j);
    const double l = log_ratio(pi, j, population_size, s);
    if (!std::isfinite(l))
      throw ModelError(kModel, "payoffs",
                       show(pi.mutant) + " (mutant) and " + show(pi.resident) + " (resident)",
                       "at " + std::to_string(j) + " mutants give no finite ratio T-/T+");
    partial[j] = partial[j - 1] + l;
  }
  const double top = *std::max_element(partial.begin(), partial.end());
  double sum = 0;
  for (double l : partial) sum += std::exp(l - top);
  return -(top + std::log(sum));
}

PayoffsByMutants matrix_payoffs(const games::PayoffMatrix& g, std::size_t resident,
                                std::size_t mutant, std::size_t population_size,
                                bool self_interaction) {
  const double a = g(mutant, mutant), b = g(mutant, resident);
  const double c = g(resident, mutant), d = g(resident, resident);
  const double z = static_cast<double>(population_size);
  if (self_interaction)
    return [=](std::size_t j) {
      const double i = static_cast<double>(j);
      return PayoffPair{(a * i + b * (z - i)) / z, (c * i + d * (z - i)) / z};
    };
  return [=](std::size_t j) {
    const double i = static_cast<double>(j);
    return PayoffPair{(a * (i - 1) + b * (z - i)) / (z - 1), (c * i + d * (z - i - 1)) / (z - 1)};
  };
}

}  // namespace

// Fills every off-diagonal pair in parallel. An error is rethrown after the loop, the one of the
// lowest pair index, so which message the caller sees does not depend on thread scheduling.
FixationProbabilities compute_fixation_probabilities(std::size_t strategies,
                                                     const PairPayoffs& pair_payoffs,
                                                     std::size_t population_size,
                                                     const FixationSettings& s) {
  check(population_size, s);
  const double log_neutral = -std::log(static_cast<double>(population_size));
  FixationProbabilities out{Matrix(strategies, std::vector<double>(strategies)),
                            Matrix(strategies, std::vector<double>(strategies, log_neutral))};
  std::vector<std::exception_ptr> errors(strategies * strategies);
  tbb::parallel_for(std::size_t{0}, strategies * strategies, [&](std::size_t p) {
    const std::size_t resident = p / strategies, mutant = p % strategies;
    if (resident == mutant) return;
    try {
      out.log_probability[resident][mutant] =
          compute_log_fixation_probability(pair_payoffs(resident, mutant), population_size, s);
    } catch (...) {
      errors[p] = std::current_exception();
    }
  });
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  for (std::size_t i = 0; i < strategies; ++i)
    for (std::size_t j = 0; j < strategies; ++j)
      out.probability[i][j] = std::exp(out.log_probability[i][j]);
  return out;
}

CompositionPayoffs::CompositionPayoffs(std::size_t s, std::size_t z)
    : strategies(s),
      population_size(z),
      mutant(s * s * (z > 0 ? z - 1 : 0), std::nan("")),
      resident(mutant) {}

PairPayoffs CompositionPayoffs::pair_payoffs() const {
  return [this](std::size_t r, std::size_t m) -> PayoffsByMutants {
    return [this, r, m](std::size_t k) {
      const std::size_t at = index(r, m, k);
      return PayoffPair{mutant[at], resident[at]};
    };
  };
}

FixationProbabilities compute_fixation_probabilities(const CompositionPayoffs& payoffs,
                                                     const FixationSettings& settings) {
  if (settings.self_interaction)
    throw ModelError(kModel, "self_interaction", "true",
                     "does not apply to payoffs tabulated per composition (each entry is what an "
                     "individual earned)");
  const std::size_t cells = payoffs.strategies * payoffs.strategies *
                            (payoffs.population_size > 0 ? payoffs.population_size - 1 : 0);
  if (payoffs.mutant.size() != cells || payoffs.resident.size() != cells)
    throw ModelError(kModel, "composition payoffs",
                     std::to_string(payoffs.mutant.size()) + " and " +
                         std::to_string(payoffs.resident.size()) + " entries",
                     "must each hold S * S * (Z - 1) = " + std::to_string(cells));
  return compute_fixation_probabilities(payoffs.strategies, payoffs.pair_payoffs(),
                                        payoffs.population_size, settings);
}

double compute_fixation_probability(const PayoffsByMutants& payoffs, std::size_t population_size,
                                    const FixationSettings& settings) {
  check(population_size, settings);
  return std::exp(compute_log_fixation_probability(payoffs, population_size, settings));
}

double compute_fixation_probability(const games::PayoffMatrix& game, std::size_t resident,
                                    std::size_t mutant, std::size_t population_size,
                                    const FixationSettings& settings) {
  if (resident >= game.size() || mutant >= game.size())
    throw ModelError(kModel, "strategy index", std::to_string(std::max(resident, mutant)),
                     "is outside [0, " + std::to_string(game.size()) + ")");
  return compute_fixation_probability(
      matrix_payoffs(game, resident, mutant, population_size, settings.self_interaction),
      population_size, settings);
}

FixationProbabilities compute_fixation_probabilities(const games::PayoffMatrix& game,
                                                     std::size_t population_size,
                                                     const FixationSettings& settings) {
  return compute_fixation_probabilities(
      game.size(),
      [&](std::size_t resident, std::size_t mutant) {
        return matrix_payoffs(game, resident, mutant, population_size, settings.self_interaction);
      },
      population_size, settings);
}

FixationProbabilities compute_fixation_probabilities(const games::NPlayerGame& game,
                                                     std::size_t population_size,
                                                     const FixationSettings& settings) {
  if (settings.self_interaction)
    throw ModelError(kModel, "self_interaction", "true",
                     "applies to matrix games only; an N-player game draws co-players from the "
                     "other Z - 1 individuals");
  if (population_size < game.group_size())
    throw ModelError(kModel, "population size Z", std::to_string(population_size),
                     "is smaller than the group size " + std::to_string(game.group_size()));
  return compute_fixation_probabilities(
      game.strategies(),
      [&](std::size_t resident, std::size_t mutant) -> PayoffsByMutants {
        return [&game, population_size, resident, mutant](std::size_t j) {
          std::vector<std::size_t> counts(game.strategies(), 0);
          counts[mutant] = j;
          counts[resident] = population_size - j;
          const auto pi = game.expected_payoffs(counts);
          return PayoffPair{pi[mutant], pi[resident]};
        };
      },
      population_size, settings);
}

}  // namespace kindest::analytic
