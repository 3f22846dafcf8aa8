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
/// (through PackedDraws: several uniform integers per word; the words left in it afterwards
/// are the round's next draws).
/// random_pairs: donor and recipient digits alternate (donor below n, recipient below n - 1,
/// shifted past the donor), packed into words in that order.
/// sweeps: donors in a uniformly random order pi (shuffle_identity), recipients pi(delta(k))
/// for a uniformly random derangement delta (draw_derangement), which makes (donors,
/// recipients) uniform among permutation pairs with no common fixed point.
/// all_pairs: donors in a random order, each toward the others in a random order.
void draw_schedule(Interaction interaction, std::uint32_t n, Stream& rng,
                   std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs);

/// A uniformly random permutation of 0..n-1: Fisher-Yates from the top (position n - 1
/// first), its integers i = n, n - 1, ..., 2 drawn by PackedDraws groups.
void shuffle_identity(std::uint32_t n, PackedDraws<>& rng, std::vector<std::uint32_t>& out);

/// A uniformly random derangement of 0..n-1 (n >= 2): the same shuffle, abandoned as soon as a
/// position's final value is its own index and started again from the next word.
void draw_derangement(std::uint32_t n, PackedDraws<>& rng, std::vector<std::uint32_t>& out);

}  // namespace kindest::reputation
