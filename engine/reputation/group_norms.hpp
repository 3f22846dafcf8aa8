#pragma once
// Norms that evolve between groups (Murase & Hilbe 2024, PNAS 121:e2406885121): each group
// judges with its own norm (GameSettings::group_norms under shared_views), and norms spread by
// group-level competition while individuals' strategies evolve inside their groups (the
// population layer, engine/population/process.hpp, run group by group).
//
// One generation's group stage, for groups g = 0 .. M - 1 in turn, all decisions reading the
// norms and mean payoffs from before the stage (a synchronous update, so the group order does
// not matter):
//   imitation  with probability imitation_rate, group g picks a model group h uniformly among
//              the other M - 1; if h judges with another norm, g adopts it by the Fermi rule on
//              the mean payoffs per member, probability 1 / (1 + exp(-beta (pi_h - pi_g)))
//              (dynamics::fermi_adopts, the individuals' rule, here with beta_out);
//   mutation   then, with probability mutation_rate, g's norm becomes one drawn uniformly among
//              the other Q - 1 norms of the pool (the mutant replaces whatever g holds).
// Draws: per group, rng.bernoulli(imitation_rate) (none for 0 or 1); for an imitating group
// rng.below(M - 1) and, when the norms differ, fermi_adopts's one uniform; then
// rng.bernoulli(mutation_rate) and for a mutant rng.below(Q - 1). With one group there is no
// imitation (no model) and no draw for it.
//
// What Murase & Hilbe do differently: their groups are monomorphic (the small-mutation limit
// within groups); a norm there is an action rule and an assessment rule, and an imitated or
// mutant norm enters a group only through its within-group fixation probability. Here the
// norm is the group's shared assessment rule, the action rules are the individuals' own and
// keep evolving at finite rates while norms change.
#include <cstdint>
#include <vector>

#include "engine/random/streams.hpp"

namespace kindest::reputation {

struct GroupNormSettings {
  std::uint32_t pool = 1;          // Q: norms are indices 0 .. Q - 1 into a pool
  double imitation_rate = 0;       // per group and generation
  double selection_intensity = 1;  // beta_out
  double mutation_rate = 0;        // per group and generation
};

/// One generation's group stage (above) on `norm_of` (one pool index per group) with the
/// groups' mean payoffs per member `payoff`. Returns whether any group's norm changed. Throws
/// std::invalid_argument when the sizes differ, a rate lies outside [0, 1], beta is negative or
/// not finite, or an index is outside the pool.
bool evolve_group_norms(std::vector<std::uint32_t>& norm_of, const std::vector<double>& payoff,
                        const GroupNormSettings& settings, Stream& rng);

}  // namespace kindest::reputation
