#pragma once
// The small-mutation limit (Fudenberg & Imhof 2006, J Econ Theory 131:251; Imhof, Fudenberg &
// Nowak 2005): when mutations are so rare that each mutant fixes or dies out before the next
// appears, the population is almost always monomorphic, and moves between the S monomorphic
// states as a Markov chain. A mutant of strategy j != i arises in an all-i population with the
// same probability for every j (uniform mutation) and takes over with probability rho_ij, so
//
//   T[i][j] = rho_ij / (S - 1)   for j != i,     T[i][i] = 1 - sum_{j != i} T[i][j].
//
// The stationary distribution of T is the long-run fraction of time spent in each state.
// It is computed with the GTH algorithm (Grassmann, Taksar & Heyman 1985): state reduction that
// only adds, multiplies and divides non-negative numbers -- no subtraction, so no cancellation,
// and the result is accurate to a few ulps in every entry however small. It runs here in log
// space, fed with log rho directly, so it stays exact when fixation probabilities underflow
// (Z = 1000, strong selection) where Gaussian elimination on T would see a reducible matrix.
#include <cstddef>
#include <vector>

#include "engine/analytic/fixation_probabilities.hpp"

namespace kindest::analytic {

struct SmallMutationLimit {
  Matrix fixation;    // [resident][mutant], as FixationProbabilities::probability (diagonal 1/Z)
  Matrix transition;  // T above: row-stochastic, [from][to]
  std::vector<double> stationary;  // indexed by strategy, sums to 1
};

/// From fixation probabilities already computed (their log_probability is what is used).
SmallMutationLimit compute_small_mutation_limit(const FixationProbabilities& fixation);

/// The same chain with the mutant's strategy drawn from a kernel instead of uniformly:
/// T[i][j] = mutation[i][j] rho_ij for j != i, mutation[i][j] the probability that a mutant
/// arising among i is a j (each row's off-diagonal entries sum to 1; the diagonal is not read).
/// E.g. mutation to neighbouring points of a strategy grid. A zero entry is a move the chain
/// never makes (log rate -inf); the chain must stay irreducible. Throws ModelError if `mutation`
/// is not S x S, has a negative or NaN entry or a row whose off-diagonal sum is not 1 (to 1e-12).
SmallMutationLimit compute_small_mutation_limit(const FixationProbabilities& fixation,
                                                const Matrix& mutation);

/// Fixation probabilities of `game` (in parallel, thread-count independent), then the chain.
SmallMutationLimit compute_small_mutation_limit(const games::PayoffMatrix& game,
                                                std::size_t population_size,
                                                const FixationSettings& settings);
SmallMutationLimit compute_small_mutation_limit(const games::NPlayerGame& game,
                                                std::size_t population_size,
                                                const FixationSettings& settings);
/// From payoffs tabulated per composition (e.g. simulated reputation games).
SmallMutationLimit compute_small_mutation_limit(const CompositionPayoffs& payoffs,
                                                const FixationSettings& settings);

/// Stationary distribution of an irreducible row-stochastic matrix, by GTH. Only off-diagonal
/// entries are read (the diagonal is implied). Throws std::invalid_argument if the matrix is not
/// square or has a negative or NaN entry, and when the reduction meets a state with no way back
/// to the lower-numbered states (never the case for an irreducible matrix).
std::vector<double> compute_stationary_distribution(const Matrix& transition);

}  // namespace kindest::analytic
