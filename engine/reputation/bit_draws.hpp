#pragma once
// Random bit masks for 64 observers at once, and other cheap draws of the reputation game.
//
// Bernoulli(p) word: 64 independent Bernoulli(p) lanes from a few uniform words, by one of two
// methods, whichever needs fewer random words for that p:
//
// Bit planes (1/8 < p < 7/8). Give each lane i a uniform 64-bit integer U_i and call it true
// iff U_i < T, T = p * 2^64 as a 64-bit integer: then P(true) = T / 2^64. The U_i are never
// formed: the k-th word drawn is bit plane k of all 64 of them, most significant first. A lane
// is decided at the first plane where its bit differs from T's bit (true iff T's bit is 1
// there); lanes still undecided when T's remaining bits are all 0 equal T so far and are
// false. Each plane decides about half of the undecided lanes: about log2(64) + 1.3 = 7.3
// words on average (1 for p = 1/2). T is exact for p >= 2^-11 (a double's 53-bit mantissa
// fits in 64 fixed-point bits).
//
// Count and places (p <= 1/8 or p >= 7/8, where the bit planes would waste most of their
// bits). The number K of true lanes (false lanes for p >= 7/8) is Binomial(64, p): one word u
// picks the smallest K with u < F(K) 2^64, F the binomial distribution function computed in
// long double; then K distinct lanes are chosen uniformly, 6 bits per pick from a reservoir
// word, a lane already taken being drawn again. Given K the set is uniform among K-subsets, so
// the lanes are independent Bernoulli(p), up to F's rounding (below 1e-18). About 1.3 words for
// p = 0.05, 1.7 for p = 0.9.
//
// Either way p = 0 and p = 1 draw nothing. The draws take their words from a Stream or from
// BlockWords (the same words, computed four Philox blocks at a time).
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

#include "engine/random/streams.hpp"

namespace kindest::reputation {

/// Whether this CPU has BMI2 and POPCNT: the draws' loops then run versions compiled for them
/// (the same operations, so the same bits; the portable build runs everywhere).
inline bool has_bmi2() noexcept {
  static const bool yes = __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
  return yes;
}

class BernoulliWord {
 public:
  explicit BernoulliWord(double p) noexcept;
  /// Draws nothing when p is 0 or 1 (so a disabled error does not shift the stream).
  bool draws() const noexcept { return !never_ && !always_; }

  template <class Words>
  [[gnu::always_inline]] std::uint64_t operator()(Words& rng) const noexcept {
    return draw<false>(rng);
  }
  /// The same word; `fast` only in code compiled for BMI2 and POPCNT (reputation_game.cpp's
  /// run_fastest): the lane picks then count the placed lanes with POPCNT and take a pick's 6
  /// bits with one rotate, about 6 instructions per pick instead of 10.
  template <bool fast, class Words>
  [[gnu::always_inline]] std::uint64_t draw(Words& rng) const noexcept {
    if (never_) return 0;
    if (always_) return ~std::uint64_t{0};
    return count_ ? by_count<fast>(rng) : by_planes(rng);
  }

 private:
  template <class Words>
  [[gnu::always_inline]] std::uint64_t by_planes(Words& rng) const noexcept {
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
  template <bool fast, class Words>
  [[gnu::always_inline]] std::uint64_t by_count(Words& rng) const noexcept {
    const std::uint64_t u = rng.bits();
    unsigned k = guide_[u >> 56];  // the smallest K whose F(K) 2^64 can exceed u
    while (k < 64 && u >= cdf_[k]) ++k;
    if (k == 0) return complement_ ? ~std::uint64_t{0} : 0;
    // The first reservoir word's 10 picks without branches: a pick counts while fewer than K
    // lanes are placed, as in the loop below. K is rarely above 10 here, and a loop whose
    // length is K and the collisions mispredicts about once per word. Written so that the
    // picks do not wait on each other: `seen` ORs every pick, `distinct` counts the new ones,
    // and the mask is `seen` as long as at most K are new (repeats leave both unchanged, so
    // that is the set the K first new lanes make): chains of one OR, one add and one select
    // per pick, not a count that waits on the mask.
    std::uint64_t seen = 0, mask = 0, reservoir = rng.bits();
    unsigned distinct = 0;
    if constexpr (fast) {
      // The count of new lanes is the popcount of `seen`: the mask is the longest prefix OR
      // of picks with at most K bits. Bits 6t..6t+5 are the low bits of a rotate by 6t
      // (t <= 9), and a shift by a variable count reads only its low 6 bits: rorx, shlx.
      for (unsigned t = 0; t < 10; ++t) {
        seen |= std::uint64_t{1} << (std::rotr(reservoir, static_cast<int>(6 * t)) & 63u);
        mask = static_cast<unsigned>(std::popcount(seen)) <= k ? seen : mask;
      }
      distinct = static_cast<unsigned>(std::popcount(seen));
    } else {
      for (unsigned t = 0; t < 10; ++t) {
        const std::uint64_t bit = std::uint64_t{1} << ((reservoir >> (6 * t)) & 63u);
        distinct += (seen & bit) == 0;
        seen |= bit;
        mask = distinct <= k ? seen : mask;
      }
    }
    unsigned placed = distinct < k ? distinct : k;
    unsigned left = 0;
    while (placed < k) {
      if (left == 0) reservoir = rng.bits(), left = 10;
      const std::uint64_t bit = std::uint64_t{1} << (reservoir & 63u);
      reservoir >>= 6;
      --left;
      placed += (mask & bit) == 0;
      mask |= bit;
    }
    return complement_ ? ~mask : mask;
  }

  std::uint64_t threshold_ = 0;
  std::array<std::uint64_t, 64> cdf_{};    // F(k) 2^64 for k = 0..63; K = 64 beyond the last
  std::array<std::uint8_t, 256> guide_{};  // by u's top byte b: smallest k, cdf_[k] > b 2^56
  bool never_ = false;
  bool always_ = false;
  bool count_ = false;
  bool complement_ = false;
};

/// The words of a Stream from its first, in the same order, computed four Philox blocks (16
/// words) at a time: the blocks are independent, so the CPU overlaps their rounds instead of
/// waiting on one block's 10 dependent rounds at a time. Words computed but not drawn are
/// dropped with the object, as a Stream drops the rest of its block.
class BlockWords {
 public:
  explicit BlockWords(const Stream& fresh) noexcept : stream_(fresh) {}
  std::uint64_t bits() noexcept {
    if (used_ == 16) refill();
    return words_[used_++];
  }

 private:
  // Compiled twice, for BMI2 (Philox's 64 x 64-bit products as mulx, which leaves the flags
  // and its sources alone: fewer moves) where the CPU has it, portable otherwise; the same
  // words either way.
  void refill() noexcept {
    if (has_bmi2())
      refill_bmi2();
    else
      refill_portable();
  }
  [[gnu::flatten, gnu::noinline, gnu::target("bmi2")]] void refill_bmi2() noexcept { fill(); }
  [[gnu::flatten, gnu::noinline]] void refill_portable() noexcept { fill(); }
  // flatten (above): Stream::block and Philox inlined, so the four blocks' rounds interleave.
  [[gnu::always_inline]] void fill() noexcept {
    const auto b0 = stream_.block(next_), b1 = stream_.block(next_ + 1),
               b2 = stream_.block(next_ + 2), b3 = stream_.block(next_ + 3);
    for (unsigned k = 0; k < 4; ++k) {
      words_[k] = b0.v[k];
      words_[4 + k] = b1.v[k];
      words_[8 + k] = b2.v[k];
      words_[12 + k] = b3.v[k];
    }
    next_ += 4;
    used_ = 0;
  }
  Stream stream_;
  std::uint64_t next_ = 0;
  unsigned used_ = 16;
  std::array<std::uint64_t, 16> words_{};
};

/// A sequence of independent Bernoulli(p) trials from one stream. For p < 1/16 the gaps
/// between successes are drawn instead of the trials: the number of failures before the next
/// success is geometric, floor(log(u) / log(1 - p)) for u uniform on (0, 1], so a rare event
/// (an error) costs one draw per event rather than one per trial -- exact up to the rounding of
/// log (relative 1e-16). Otherwise one uniform per trial (Stream::bernoulli). p = 0 or 1 draw
/// nothing. Memoryless, so starting afresh (reset) at any trial keeps the trials independent.
class BernoulliTrials {
 public:
  explicit BernoulliTrials(double p) noexcept
      : p_(p), skip_(p > 0.0 && p < 1.0 / 16), log_fail_(skip_ ? std::log1p(-p) : 0.0) {}
  void reset() noexcept { gap_ = -1; }
  bool next(Stream& rng) noexcept { return next_if(true, rng); }
  /// A trial only if `trial` (none, and no draw, otherwise): whether one ran and succeeded.
  /// Without a branch on `trial` where gaps are drawn, for loops where it is random.
  [[gnu::always_inline]] bool next_if(bool trial, Stream& rng) noexcept {
    if (!skip_) return trial && rng.bernoulli(p_);
    if (gap_ < 0 && trial) {  // gap_ first: rarely true, so the branch predicts well
      const double g = std::floor(std::log(1.0 - rng.uniform()) / log_fail_);
      gap_ = g < 1e18 ? static_cast<std::int64_t>(g) : std::int64_t{1} << 60;
    }
    const bool hit = trial & (gap_ == 0);
    gap_ -= trial;
    return hit;
  }

 private:
  double p_;
  bool skip_;
  double log_fail_;
  std::int64_t gap_ = -1;  // failures left before the next success; -1: none drawn yet
};

/// Uniform integers below bounds n_1, n_2, ... (each >= 1), as many from one 64-bit word as
/// fit: while the product P = n_1 ... n_k stays below 2^64, one uniform word x gives all k.
/// Multiplying x by n_1 gives r_1 (the high word) and a low word l_1; l_1 n_2 gives r_2 and
/// l_2, and so on: x P = (r_1 n_2...n_k + r_2 n_3...n_k + ... + r_k) 2^64 + l_k, so the digits
/// r_t < n_t are the mixed-radix digits of floor(x P / 2^64), and l_k = x P mod 2^64. Lemire's
/// rejection (redraw x while l_k < 2^64 mod P) makes floor(x P / 2^64) uniform on [0, P), hence
/// the digits independent and uniform (Brackett-Rozinsky & Lemire 2024, "Batched ranged random
/// integer generation"). A shuffle of 1000 takes about 6 integers per word, of 50 about 11.
template <class Words = Stream>
class PackedDraws {
 public:
  explicit PackedDraws(Words& rng) noexcept : rng_(rng) {}

  /// Draws the longest prefix of the bounds bound(0), bound(1), ..., bound(count - 1)
  /// (count >= 1) whose product is below 2^64 from one accepted word into out; returns its
  /// length k (1..min(count, 64)). Bounds are evaluated once each, in order.
  template <class Bound>
  [[gnu::always_inline]] unsigned group(Bound bound, unsigned count, std::uint32_t* out) noexcept {
    __extension__ using u128 = unsigned __int128;
    std::uint32_t b[64];
    b[0] = bound(0u);
    std::uint64_t product = b[0];
    unsigned k = 1;
    const unsigned most = count < 64 ? count : 64;
    while (k < most) {
      const std::uint32_t next = bound(k);
      std::uint64_t p;
      if (__builtin_mul_overflow(product, std::uint64_t{next}, &p)) break;
      b[k++] = next;
      product = p;
    }
    for (;;) {
      std::uint64_t low = rng_.bits();
      for (unsigned t = 0; t < k; ++t) {
        const u128 m = static_cast<u128>(low) * b[t];
        out[t] = static_cast<std::uint32_t>(m >> 64);
        low = static_cast<std::uint64_t>(m);
      }
      // 2^64 mod P < P, so low >= P accepts without the division (almost always).
      if (low >= product || low >= (0 - product) % product) return k;
    }
  }

 private:
  Words& rng_;
};

}  // namespace kindest::reputation
