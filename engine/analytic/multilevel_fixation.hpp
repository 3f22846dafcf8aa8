#pragma once
// The fixation probability of one mutant under multilevel selection (engine/dynamics/
// multilevel_moran.hpp) in the limit of rare splitting, q -> 0 (Traulsen & Nowak 2006, PNAS
// 103:10952). Groups then split only when homogeneous, so the two levels separate:
//
//   rho = rho_within * rho_between
//
// rho_within: the Moran fixation probability of one mutant among n - 1 residents in a group of
// n (no self-interaction; the newborn may be the one that dies, which leaves the ratio
// T-/T+ = f_resident / f_mutant and so rho unchanged). rho_between: one group of mutants among
// m - 1 groups of residents; a group splits at a rate proportional to its total fitness
// n f(pi_hom) and replaces a uniformly random other group, a Moran process of m groups whose
// fitness ratio is f(a_rr) / f(a_mm), the homogeneous groups' payoffs. Exact for q -> 0 at
// any selection intensity.
//
// For the donation game (a cooperator pays c, every other member of its group gets b / (n-1)
// on average) with weak selection w -> 0: rho_within ~ 1/n - w ((n-1) c + b) / (2n) and
// rho_between ~ 1/m + w (b - c) (m-1) / (2m), so rho > 1 / (n m) iff b/c > 1 + n / (m - 2),
// which for m >> 1 is the paper's b/c > 1 + n/m.
#include <cstddef>

#include "engine/analytic/fixation_probabilities.hpp"

namespace kindest::analytic {

struct MultilevelLimit {
  double within = 0;   // rho_within
  double between = 0;  // rho_between
  double fixation() const noexcept { return within * between; }
};

/// rho_within and rho_between of one `mutant` among `resident`s, m groups of n, selection
/// intensity and fitness mapping of `settings` (its process and self_interaction are ignored:
/// Moran birth-death without self-interaction). m = 1 gives rho_between = 1. Throws
/// std::invalid_argument as compute_fixation_probability does.
MultilevelLimit rare_split_fixation(const games::PayoffMatrix& game, std::size_t resident,
                                    std::size_t mutant, std::size_t groups, std::size_t max_size,
                                    const FixationSettings& settings);

/// The weak-selection threshold of the donation game: b/c above which one cooperator's
/// fixation probability exceeds 1 / (n m) for q -> 0, 1 + n / (m - 2) (infinite for m <= 2:
/// then no b/c suffices).
double multilevel_threshold(std::size_t groups, std::size_t max_size);

}  // namespace kindest::analytic
