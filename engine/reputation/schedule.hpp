#pragma once
// Who meets whom in one round of the reputation game.
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/random/streams.hpp"
#include "engine/reputation/bit_draws.hpp"

namespace kindest::reputation {

/// How donors meet recipients within one round.
enum class Interaction {
  random_pairs,  // n actions, each a uniformly random donor and a uniformly random other recipient
  sweeps,        // two random permutations without common fixed points: each individual is
                 // donor once and recipient once
  all_pairs,     // every ordered pair once: donors in random order, each toward the others in
                 // a random order (the round's N(N - 1) pairs are held in memory)
};

/// The (donor, recipient) pairs of one round of n >= 2 individuals, in order, drawn from `rng`
/// (through HalfDraws; the words left in it afterwards are the round's next draws).
/// sweeps: donors in a uniformly random order pi, recipients pi(delta(k)) for a uniformly random
/// derangement delta (Fisher-Yates, redrawn until it has no fixed point: e tries on average),
/// which makes (donors, recipients) uniform among permutation pairs with no common fixed point.
void draw_schedule(Interaction interaction, std::uint32_t n, Stream& rng,
                   std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs);

/// A uniformly random permutation of 0..n-1 (Fisher-Yates with HalfDraws::below).
void shuffle_identity(std::uint32_t n, HalfDraws<>& rng, std::vector<std::uint32_t>& out);

}  // namespace kindest::reputation
