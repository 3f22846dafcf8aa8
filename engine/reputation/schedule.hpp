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
/// for a uniformly random derangement delta (draw_derangement, drawn after pi), which makes
/// (donors, recipients) uniform among permutation pairs with no common fixed point.
/// all_pairs: donors in a random order, each toward the others in a random order.
void draw_schedule(Interaction interaction, std::uint32_t n, Stream& rng,
                   std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs);

/// A uniformly random permutation of 0..n-1: Fisher-Yates from the top (position n - 1
/// first), its integers i = n, n - 1, ..., 2 drawn by PackedDraws groups.
void shuffle_identity(std::uint32_t n, PackedDraws<>& rng, std::vector<std::uint32_t>& out);

/// A uniformly random derangement of 0..n-1 (n >= 2), out[k] = delta(k), by its cycles: a
/// uniformly random permutation tau (shuffle_identity) is cut into consecutive blocks of
/// lengths l_1, l_2, ... drawn in turn by derangement_cycle_length (l_1 for u = n elements,
/// l_2 for the u = n - l_1 left, ...), and each block (tau_a, ..., tau_b) becomes the cycle
/// tau_a -> tau_(a+1) -> ... -> tau_b -> tau_a. Exact: the cycle through tau_a of a uniform
/// derangement of the u elements left has length l with the probability the sampler draws, its
/// other members are then a uniform ordered choice among the others (the next l - 1 entries of
/// tau), and the rest is a uniform derangement of what is left. n - 1 integers for tau and
/// about e words per cycle (H_n - 1 cycles on average: about 18 words at n = 1000), where the
/// earlier sampler (a shuffle restarted at its first fixed point; docs/STREAMS.md) took about
/// (e - 1) n integers.
void draw_derangement(std::uint32_t n, PackedDraws<>& rng, std::vector<std::uint32_t>& out);

/// The length l (2 <= l <= u, l != u - 1) of the cycle through a given element of a uniformly
/// random derangement of u >= 2 elements: P(l) = (u - 1)! / (u - l)! D_(u-l) / D_u
/// (D_k derangements of k), i.e. proportional to f(u - l) with f(k) = D_k / k! =
/// sum_(i <= k) (-1)^i / i!. Rejection from k = u - l uniform on 0 .. u - 2 (f <= f(0) = 1),
/// accepting with probability f(k) exactly: with K the length of the first decreasing run of
/// i.i.d. uniforms (P(K >= m) = 1 / m!; von Neumann's 1951 device for e^-1), f(k) =
/// P(min(K, k) even), and K is drawn by
/// continuing from m to m + 1 while a uniform integer below m + 1 is 0. Each proposal is one
/// PackedDraws group of bounds u - 1, 2, 3, ..., 8 (fewer where they do not fit one word;
/// digits it leaves unused are dropped), then groups of up to 16 bounds m + 1, m + 2, ...
/// where the run outlasts it (probability about 1 / 8!).
/// About e proposals (words) per call.
std::uint32_t derangement_cycle_length(std::uint32_t u, PackedDraws<>& rng);

/// draw_schedule for one (interaction, n), faster: the same words give the same pairs and leave
/// the stream at the same place (tested against draw_schedule, which stays the reference).
/// Where PackedDraws' groups of a round's shuffles fall depends on n alone (a shuffle of n from
/// the top, random pairs' alternating bounds), so they are tabled once:
/// each group's length, the prefix products P_t = n_1 ... n_t of its bounds and its rejection
/// threshold 2^64 mod P_k (no division per group). A group's digits then come from independent
/// multiplications, r_t = high(x P_t) - n_t high(x P_(t-1)) (since floor(x P_t / 2^64) =
/// n_t floor(x P_(t-1) / 2^64) + r_t), not from a chain of dependent ones.
class ScheduleDrawer {
 public:
  ScheduleDrawer() = default;
  ScheduleDrawer(Interaction interaction, std::uint32_t n);
  void draw(Stream& rng, std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs);

  /// PackedDraws' groups over a fixed sequence of bounds, tabled.
  struct GroupTable {
    std::vector<std::uint32_t> start;      // group g's digits: [start[g], start[g + 1])
    std::vector<std::uint64_t> prefix;     // by digit: P_t of its group, t = 1 .. k
    std::vector<std::uint32_t> bound;      // by digit: n_t
    std::vector<std::uint64_t> threshold;  // by group: 2^64 mod P_k
  };

 private:
  void shuffle(const GroupTable& groups, std::uint32_t n, Stream& rng,
               std::vector<std::uint32_t>& out) const;

  Interaction interaction_ = Interaction::sweeps;
  std::uint32_t n_ = 0;
  GroupTable of_n_,
      of_n1_;  // shuffles of n and (all_pairs) of n - 1; random pairs' digits in of_n_
  std::vector<std::uint32_t> order_, other_;  // pi, and tau (sweeps) or one donor's others
};

}  // namespace kindest::reputation
