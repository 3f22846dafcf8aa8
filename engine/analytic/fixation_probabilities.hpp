#pragma once
// Fixation probability of a single mutant in a finite well-mixed population of Z individuals,
// from the closed form for birth-death chains (Nowak 2006, Evolutionary Dynamics, ch. 6):
//
//   rho = 1 / (1 + sum_{k=1}^{Z-1} prod_{j=1}^{k} T-(j) / T+(j))
//
// where, with j mutants (A) and Z - j residents (B), T+(j) / T-(j) are the probabilities that
// the number of mutants goes up / down by one in one step. The sum is taken in log space
// (log-sum-exp over the partial sums of log T-/T+), so Z = 1000 under strong selection neither
// overflows nor underflows; rho itself may underflow to 0, which is why the logs are returned too.
//
// Exact one-step probabilities of each process, with payoffs pi_A(j), pi_B(j) and fitness f:
//
//   moran_birth_death   one individual reproduces, chosen with probability proportional to
//                       fitness; its offspring replaces one of the OTHER Z - 1 individuals,
//                       uniformly (the parent is never replaced):
//                         T+(j) = j f_A / (j f_A + (Z-j) f_B) * (Z-j)/(Z-1)
//                         T-(j) = (Z-j) f_B / (j f_A + (Z-j) f_B) * j/(Z-1)
//                       T-/T+ = f_B/f_A. If the offspring may replace its own parent, both
//                       probabilities are multiplied by (Z-1)/Z: the ratio, hence rho, is the
//                       same (only fixation times differ). This is the r_j = f_B/f_A of
//                       references.md and of Nowak et al. (2004).
//   moran_death_birth   one individual dies, uniformly at random; the Z - 1 survivors compete for
//                       the gap with probability proportional to fitness (the dead one does not
//                       compete). Fitness is that of the state before the death:
//                         T+(j) = (Z-j)/Z * j f_A / (j f_A + (Z-j-1) f_B)
//                         T-(j) = j/Z * (Z-j) f_B / ((j-1) f_A + (Z-j) f_B)
//   pairwise_comparison a random focal individual compares itself with a random other one and
//   (Fermi rule)        adopts its strategy with probability 1 / (1 + exp(-beta (pi_other -
//   pi_focal))):
//                         T+(j) = (Z-j)/Z * j/(Z-1) / (1 + exp(-beta (pi_A - pi_B)))
//                         T-(j) = j/Z * (Z-j)/(Z-1) / (1 + exp(+beta (pi_A - pi_B)))
//                       T-/T+ = exp(-beta (pi_A - pi_B)). Payoffs are used directly (no fitness).
//
// Matrix games (a = A vs A, b = A vs B, c = B vs A, d = B vs B, A = the mutant):
//   default (no self-interaction, each plays the Z - 1 others):
//     pi_A(j) = (a (j-1) + b (Z-j)) / (Z-1),   pi_B(j) = (c j + d (Z-j-1)) / (Z-1)
//   self_interaction = true (each also plays itself):
//     pi_A(j) = (a j + b (Z-j)) / Z,           pi_B(j) = (c j + d (Z-j)) / Z
// N-player games use NPlayerGame::expected_payoffs (co-players drawn without replacement).
#include <cstddef>
#include <functional>
#include <vector>

#include "engine/dynamics/fitness.hpp"
#include "engine/games/n_player_game.hpp"
#include "engine/games/payoff_matrix.hpp"

namespace kindest::analytic {

/// A dense square matrix, row-major as nested vectors: m[row][column].
using Matrix = std::vector<std::vector<double>>;

enum class Process { moran_birth_death, moran_death_birth, pairwise_comparison };

/// Payoff -> fitness for the Moran processes, shared with the simulated dynamics; pairwise
/// comparison ignores it. Linear: f = 1 - w + w pi, and w must keep every f > 0 (else
/// std::invalid_argument); exponential: f = exp(w pi), handled in log space (w pi), so any w.
using FitnessMapping = dynamics::FitnessMapping;

struct FixationSettings {
  Process process = Process::pairwise_comparison;
  /// w for the Moran processes, beta for pairwise comparison; finite and >= 0. 0 = neutral drift.
  double selection_intensity = 1.0;
  FitnessMapping fitness_mapping = FitnessMapping::linear;
  /// Matrix games only: whether each individual also plays against itself (see above).
  bool self_interaction = false;
};

/// Payoffs of a mutant and of a resident individual in a population with a given number of
/// mutants.
struct PayoffPair {
  double mutant;
  double resident;
};

/// mutants (1..Z-1) -> payoffs in a population of `mutants` mutants and Z - mutants residents.
/// Must be pure: the matrix versions call such functions from several threads.
using PayoffsByMutants = std::function<PayoffPair(std::size_t mutants)>;

/// (resident, mutant) -> that pair's payoffs by number of mutants. Must be pure (called from
/// several threads), and so must the functions it returns.
using PairPayoffs = std::function<PayoffsByMutants(std::size_t resident, std::size_t mutant)>;

/// Payoffs tabulated per composition, e.g. estimated by simulation ([payoffs] source =
/// reputation): for every ordered pair resident != mutant and every number of mutants
/// k = 1 .. Z-1, the mean payoff of a mutant and of a resident in a population of k mutants
/// and Z - k residents. Entry ((resident * S + mutant) * (Z - 1) + k - 1); the diagonal pairs
/// are never read (NaN by convention).
struct CompositionPayoffs {
  std::size_t strategies = 0;
  std::size_t population_size = 0;
  std::vector<double> mutant;
  std::vector<double> resident;

  CompositionPayoffs() = default;
  /// S x S x (Z - 1) entries, all NaN.
  CompositionPayoffs(std::size_t s, std::size_t z);
  /// Where the entry of (resident r, mutant m, k mutants) is.
  std::size_t index(std::size_t r, std::size_t m, std::size_t k) const noexcept {
    return (r * strategies + m) * (population_size - 1) + k - 1;
  }
  /// The table read as payoffs per pair (the table must outlive the result).
  PairPayoffs pair_payoffs() const;
};

/// Fixation probabilities between every ordered pair of strategies.
struct FixationProbabilities {
  /// probability[i][j]: a single j mutant takes over a population of Z - 1 residents of i.
  /// The diagonal is 1/Z, the value for a neutral mutant (a relabelled copy of the resident).
  /// Entries can underflow to 0 under strong selection; log_probability cannot.
  Matrix probability;
  /// Natural logarithm of `probability`, computed directly in log space; finite.
  Matrix log_probability;
};

/// General case: rho for payoffs given by `payoffs`. Throws std::invalid_argument unless
/// population_size >= 2, the selection intensity is finite and >= 0, and (linear fitness)
/// every fitness is positive.
double compute_fixation_probability(const PayoffsByMutants& payoffs, std::size_t population_size,
                                    const FixationSettings& settings);

/// rho of one `mutant` in a population of `resident`, payoffs from the 2x2 sub-game of `game`.
double compute_fixation_probability(const games::PayoffMatrix& game, std::size_t resident,
                                    std::size_t mutant, std::size_t population_size,
                                    const FixationSettings& settings);

/// All S x S fixation probabilities for payoffs given per pair and composition -- the general
/// case: the matrix, N-player and tabulated versions below are this one with their payoffs.
/// Computed in parallel (oneTBB); the result does not depend on the number of threads. An error
/// is the one of the lowest pair index, whatever the scheduling.
FixationProbabilities compute_fixation_probabilities(std::size_t strategies,
                                                     const PairPayoffs& payoffs,
                                                     std::size_t population_size,
                                                     const FixationSettings& settings);

/// All S x S fixation probabilities for payoffs tabulated per composition (population size
/// payoffs.population_size). settings.self_interaction must be false: a table holds what each
/// individual earned, there is nothing to add or remove.
FixationProbabilities compute_fixation_probabilities(const CompositionPayoffs& payoffs,
                                                     const FixationSettings& settings);

/// All S x S fixation probabilities of a matrix game, computed in parallel (oneTBB); the result
/// does not depend on the number of threads.
FixationProbabilities compute_fixation_probabilities(const games::PayoffMatrix& game,
                                                     std::size_t population_size,
                                                     const FixationSettings& settings);

/// All S x S fixation probabilities of an N-player game (population_size >= group size).
/// settings.self_interaction must be false: co-players are drawn without replacement.
FixationProbabilities compute_fixation_probabilities(const games::NPlayerGame& game,
                                                     std::size_t population_size,
                                                     const FixationSettings& settings);

}  // namespace kindest::analytic
