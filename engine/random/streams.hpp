#pragma once
// Counter-based random streams (Philox4x64-10, Random123). A stream is named by
// (seed, purpose, a, b, c): the key holds (seed, purpose), the counter holds (a, b, c, draw).
// Two streams with different names never overlap, and the numbers a stream yields depend only on
// its name -- never on which thread asks, or when -- so results are identical for any thread or
// rank count. `a, b, c` are "where" indices: e.g. (row player, column player, repetition).
#include <Random123/philox.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace kindest {

/// What a stream is used for. Values are part of the reproducibility contract: never renumber,
/// only append.
enum class Purpose : std::uint64_t {
  match = 1,             // draws inside one match: stochastic moves, noise, random length
  simulation_check = 2,  // tests and verification runs that sample on their own
  population = 3,        // finite-population dynamics: one stream per (replicate, generation)
  mutation = 4,          // invasion dynamics: one stream per (replicate, generation); finite
                         // populations' mutations draw from their generation's stream instead
  assessment = 5,        // reputation assessment and observation (reserved)
  population_match = 6,  // matches between individuals of a population, each generation
};

class Stream {
 public:
  Stream(std::uint64_t seed, Purpose purpose, std::uint64_t a = 0, std::uint64_t b = 0,
         std::uint64_t c = 0) noexcept
      : key_{{seed, static_cast<std::uint64_t>(purpose)}}, ctr_{{a, b, c, 0}} {}

  /// 64 uniformly random bits.
  std::uint64_t bits() noexcept {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }
  /// Uniform on [0, 1) with 53 random bits.
  double uniform() noexcept { return static_cast<double>(bits() >> 11) * 0x1.0p-53; }
  /// True with probability p; p <= 0 never, p >= 1 always (and then no draw is consumed, so a
  /// deterministic rule played through this call does not shift the stream).
  bool bernoulli(double p) noexcept {
    if (p <= 0.0) return false;
    if (p >= 1.0) return true;
    return uniform() < p;
  }
  /// Uniform integer in [0, n), unbiased (Lemire's multiply-and-reject).
  std::uint64_t below(std::uint64_t n) noexcept {
    __extension__ using u128 = unsigned __int128;
    u128 m = static_cast<u128>(bits()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<u128>(bits()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }
  /// Number of trials up to and including the first failure when each trial continues with
  /// probability w: P(n) = w^(n-1) (1-w), n >= 1. The length of a match with continuation w.
  std::int64_t geometric_length(double w) noexcept {
    if (w <= 0.0) return 1;
    const double u = 1.0 - uniform();  // (0, 1]
    const double n = std::floor(std::log(u) / std::log(w));
    if (!(n < 1e15)) return std::numeric_limits<std::int64_t>::max() / 2;
    return 1 + static_cast<std::int64_t>(n);
  }

 private:
  void refill() noexcept {
    block_ = r123::Philox4x64()(ctr_, key_);
    ++ctr_.v[3];
    used_ = 0;
  }

  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type ctr_;
  r123::Philox4x64::ctr_type block_{};
  unsigned used_ = 4;
};

}  // namespace kindest
