#pragma once
// Random bit masks for 64 observers at once, and the interaction schedules of a round.
//
// Bernoulli(p) word, exactly, from a few uniform words (bit-plane comparison). Give each lane i
// a uniform 64-bit integer U_i and call it true iff U_i < T, T = p * 2^64 as a 64-bit integer:
// then P(true) = T / 2^64 = p. The U_i are never formed: the k-th word drawn from the stream is
// bit plane k of all 64 of them, most significant first. A lane is decided at the first plane
// where its bit differs from T's bit (true iff T's bit is 1 there); lanes still undecided when
// T's remaining bits are all 0 equal T so far and are false. Each plane decides about half of
// the undecided lanes, so a word costs about log2(64) + 1.3 = 7.3 draws on average for any p
// (1 draw for p = 1/2, none for p = 0 or 1). T is exact for p >= 2^-11 (a double's 53-bit
// mantissa fits in 64 fixed-point bits); below that it is p * 2^64 rounded down (an error
// under 2^-64).
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/random/streams.hpp"

namespace kindest::reputation {

class BernoulliWord {
 public:
  explicit BernoulliWord(double p) noexcept {
    if (!(p > 0.0)) {
      never_ = true;
    } else if (p >= 1.0) {
      always_ = true;
    } else {
      threshold_ = static_cast<std::uint64_t>(std::ldexp(p, 64));
      if (threshold_ == 0) never_ = true;
    }
  }
  /// Draws nothing when p is 0 or 1 (so a disabled error does not shift the stream).
  bool draws() const noexcept { return !never_ && !always_; }

  std::uint64_t operator()(Stream& rng) const noexcept {
    if (never_) return 0;
    if (always_) return ~std::uint64_t{0};
    std::uint64_t undecided = ~std::uint64_t{0};
    std::uint64_t result = 0;
    for (int k = 63; k >= 0; --k) {
      const std::uint64_t t = 0 - ((threshold_ >> k) & 1u);  // T's bit k on every lane
      const std::uint64_t differ = (rng.bits() ^ t) & undecided;
      result |= differ & t;
      undecided &= ~differ;
      // Undecided lanes equal T's top bits; if T's lower bits are all 0 they are >= T.
      if (undecided == 0 || (threshold_ & ((std::uint64_t{1} << k) - 1)) == 0) break;
    }
    return result;
  }

 private:
  std::uint64_t threshold_ = 0;
  bool never_ = false;
  bool always_ = false;
};

/// How donors meet recipients within one round.
enum class Interaction {
  random_pairs,  // n actions, each a uniformly random donor and a uniformly random other recipient
  sweeps,        // two random permutations without common fixed points: each individual is
                 // donor once and recipient once
  all_pairs,     // every ordered pair once: donors in random order, each toward the others in
                 // a random order
};

/// The (donor, recipient) pairs of one round of n >= 2 individuals, in order, drawn from `rng`.
/// sweeps: donors in a uniformly random order pi, recipients pi(delta(k)) for a uniformly random
/// derangement delta (Fisher-Yates, redrawn until it has no fixed point: e tries on average),
/// which makes (donors, recipients) uniform among permutation pairs with no common fixed point.
void draw_schedule(Interaction interaction, std::uint32_t n, Stream& rng,
                   std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs);

/// A uniformly random permutation of 0..n-1 (Fisher-Yates with Stream::below).
void shuffle_identity(std::uint32_t n, Stream& rng, std::vector<std::uint32_t>& out);

}  // namespace kindest::reputation
