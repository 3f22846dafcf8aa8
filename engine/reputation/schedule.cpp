#include "engine/reputation/schedule.hpp"

#include <algorithm>

namespace kindest::reputation {

namespace {

// Fisher-Yates from the top: step i (i = n .. 2) swaps position i - 1 with a uniform j < i,
// after which position i - 1 holds its final value.
void shuffle(std::uint32_t n, PackedDraws<>& rng, std::vector<std::uint32_t>& out) {
  out.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) out[i] = i;
  std::uint32_t digit[64];
  std::uint32_t i = n;
  while (i > 1) {
    const unsigned k = rng.group([i](unsigned t) { return i - t; }, i - 1, digit);
    for (unsigned t = 0; t < k; ++t, --i) std::swap(out[i - 1], out[digit[t]]);
  }
}

}  // namespace

void shuffle_identity(std::uint32_t n, PackedDraws<>& rng, std::vector<std::uint32_t>& out) {
  shuffle(n, rng, out);
}

std::uint32_t derangement_cycle_length(std::uint32_t u, PackedDraws<>& rng) {
  std::uint32_t digit[64];
  for (;;) {
    // Digit 0: k = u - l uniform on 0 .. u - 2; digit m (m >= 1): below m + 1, whether the
    // decreasing run goes on from m to m + 1 (0: it does).
    unsigned got = rng.group([u](unsigned t) { return t == 0 ? u - 1 : t + 1; }, 8, digit);
    const std::uint32_t k = digit[0];
    if (k == 0) return u;           // f(0) = 1
    std::uint32_t m = 1, base = 0;  // digit[t] is the one below base + t + 1
    while (m < k) {
      if (m - base == got) {  // the run outlasted the word: bounds m + 1, m + 2, ...
        base = m - 1;
        got = 1 + rng.group([m](unsigned t) { return m + 1 + t; }, 16, digit + 1);
      }
      if (digit[m - base] != 0) break;
      ++m;
    }
    if (m % 2 == 0) return u - k;  // accepted with probability P(min(K, k) even) = f(k)
  }
}

void draw_derangement(std::uint32_t n, PackedDraws<>& rng, std::vector<std::uint32_t>& out) {
  std::vector<std::uint32_t> tau;
  shuffle(n, rng, tau);
  out.resize(n);
  for (std::uint32_t a = 0; a < n;) {
    const std::uint32_t b = a + derangement_cycle_length(n - a, rng);
    for (std::uint32_t m = a; m + 1 < b; ++m) out[tau[m]] = tau[m + 1];
    out[tau[b - 1]] = tau[a];
    a = b;
  }
}

void draw_schedule(Interaction interaction, std::uint32_t n, Stream& stream,
                   std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  pairs.clear();
  pairs.reserve(interaction == Interaction::all_pairs ? std::size_t{n} * (n - 1) : n);
  PackedDraws rng(stream);
  switch (interaction) {
    case Interaction::random_pairs: {
      // Digits alternate donor (below n) and recipient (below n - 1, skipping the donor); a
      // word's group may end between the two.
      std::uint32_t digit[64], donor = 0;
      const std::uint32_t total = 2 * n;
      for (std::uint32_t t = 0; t < total;) {
        const unsigned k = rng.group([t, n](unsigned s) { return (t + s) % 2 ? n - 1 : n; },
                                     std::min<std::uint32_t>(total - t, 64), digit);
        for (unsigned s = 0; s < k; ++s, ++t) {
          if (t % 2 == 0) {
            donor = digit[s];
          } else {
            const std::uint32_t recipient = digit[s] + (digit[s] >= donor);
            pairs.emplace_back(donor, recipient);
          }
        }
      }
      return;
    }
    case Interaction::sweeps: {
      std::vector<std::uint32_t> order, derangement;
      shuffle_identity(n, rng, order);
      draw_derangement(n, rng, derangement);
      for (std::uint32_t k = 0; k < n; ++k) pairs.emplace_back(order[k], order[derangement[k]]);
      return;
    }
    case Interaction::all_pairs: {
      std::vector<std::uint32_t> donors, others;
      shuffle_identity(n, rng, donors);
      for (const auto donor : donors) {
        shuffle_identity(n - 1, rng, others);
        for (auto r : others) pairs.emplace_back(donor, r >= donor ? r + 1 : r);
      }
      return;
    }
  }
}

}  // namespace kindest::reputation

namespace kindest::reputation {

namespace {

__extension__ using u128 = unsigned __int128;

// The groups PackedDraws::group forms over bounds bound(0), bound(1), ..., bound(total - 1),
// each group at most `most(t)` digits long from digit t on: the same lengths it chooses.
template <class Bound, class Most>
ScheduleDrawer::GroupTable table_groups(std::uint32_t total, Bound bound, Most most) {
  ScheduleDrawer::GroupTable g;
  g.prefix.reserve(total);
  g.bound.reserve(total);
  for (std::uint32_t t = 0; t < total;) {
    g.start.push_back(t);
    std::uint64_t product = bound(t);
    g.prefix.push_back(product);
    g.bound.push_back(bound(t));
    std::uint32_t k = 1;
    const std::uint32_t limit = std::min<std::uint32_t>(most(t), 64);
    while (k < limit) {
      const std::uint32_t next = bound(t + k);
      std::uint64_t p;
      if (__builtin_mul_overflow(product, std::uint64_t{next}, &p)) break;
      product = p;
      g.prefix.push_back(product);
      g.bound.push_back(next);
      ++k;
    }
    g.threshold.push_back((0 - product) % product);
    t += k;
  }
  g.start.push_back(total);
  return g;
}

// The shuffle of n from the top: digit t (step i = n - t) is below n - t, groups no longer
// than the steps left (i - 1).
ScheduleDrawer::GroupTable table_shuffle(std::uint32_t n) {
  if (n < 2) return {{0}, {}, {}, {}};  // nothing to shuffle: no draws
  return table_groups(
      n - 1, [n](std::uint32_t t) { return n - t; }, [n](std::uint32_t t) { return n - 1 - t; });
}

// Group g's accepted word, as PackedDraws::group accepts it: x P_k mod 2^64 is the low word
// it tests (below 2^64 mod P_k it redraws). The test does not need the digits, so it comes
// first, and the callers take the digits one by one (digit_of) where they use them.
[[gnu::always_inline]] inline std::uint64_t group_word(const ScheduleDrawer::GroupTable& g,
                                                       std::size_t group, Stream& rng) {
  const std::uint64_t last = g.prefix[g.start[group + 1] - 1], threshold = g.threshold[group];
  for (;;) {
    const std::uint64_t x = rng.bits();
    if (x * last >= threshold) return x;
  }
}

// Digit t of the accepted word x in its group (prefix and bound point at the group's first
// digit): r_t = high(x P_t) - n_t high(x P_(t-1)), `previous` carrying high(x P_(t-1)).
[[gnu::always_inline]] inline std::uint32_t digit_of(std::uint64_t x, const std::uint64_t* prefix,
                                                     const std::uint32_t* bound, std::uint32_t t,
                                                     std::uint64_t& previous) {
  const auto high = static_cast<std::uint64_t>((static_cast<u128>(x) * prefix[t]) >> 64);
  const auto digit = static_cast<std::uint32_t>(high - bound[t] * previous);
  previous = high;
  return digit;
}

}  // namespace

ScheduleDrawer::ScheduleDrawer(Interaction interaction, std::uint32_t n)
    : interaction_(interaction), n_(n) {
  switch (interaction) {
    case Interaction::random_pairs:
      // Digits alternate donor (below n) and recipient (below n - 1); groups of at most 64.
      of_n_ = table_groups(
          2 * n, [n](std::uint32_t t) { return t % 2 ? n - 1 : n; },
          [n](std::uint32_t t) { return 2 * n - t; });
      break;
    case Interaction::sweeps:
      of_n_ = table_shuffle(n);
      break;
    case Interaction::all_pairs:
      of_n_ = table_shuffle(n);
      of_n1_ = table_shuffle(n - 1);
      break;
  }
}

void ScheduleDrawer::shuffle(const GroupTable& g, std::uint32_t n, Stream& rng,
                             std::vector<std::uint32_t>& out) const {
  out.resize(n);
  std::uint32_t* o = out.data();
  for (std::uint32_t i = 0; i < n; ++i) o[i] = i;
  std::uint32_t i = n;
  for (std::size_t group = 0; group + 1 < g.start.size(); ++group) {
    // The digits by PackedDraws' chain (digit t's bound is i itself): one multiplication
    // each, whose low word is the next one's multiplicand, so a digit costs about eight
    // instructions with its swap (the table's independent products need about twice that;
    // the chain's latency is no longer than those instructions take).
    std::uint64_t low = group_word(g, group, rng);
    for (const std::uint32_t stop = i - (g.start[group + 1] - g.start[group]); i > stop; --i) {
      std::uint64_t bound = i;
      asm("" : "+r"(bound));  // keeps GCC from making i a 128-bit induction variable
      const u128 m = static_cast<u128>(low) * bound;
      const auto j = static_cast<std::uint32_t>(m >> 64);
      low = static_cast<std::uint64_t>(m);
      const std::uint32_t moved = o[j];
      o[j] = o[i - 1];
      o[i - 1] = moved;
    }
  }
}

void ScheduleDrawer::draw(Stream& rng,
                          std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  const std::uint32_t n = n_;
  switch (interaction_) {
    case Interaction::random_pairs: {
      pairs.resize(n);
      auto* out = pairs.data();
      std::uint32_t t = 0, donor = 0;
      for (std::size_t group = 0; group + 1 < of_n_.start.size(); ++group) {
        const std::uint64_t x = group_word(of_n_, group, rng);
        const std::uint32_t begin = of_n_.start[group], k = of_n_.start[group + 1] - begin;
        const std::uint64_t* const prefix = of_n_.prefix.data() + begin;
        const std::uint32_t* const bound = of_n_.bound.data() + begin;
        std::uint64_t previous = 0;
        for (std::uint32_t s = 0; s < k; ++s, ++t) {
          const std::uint32_t digit = digit_of(x, prefix, bound, s, previous);
          if (t % 2 == 0) {
            donor = digit;
          } else {
            out[t / 2] = {donor, digit + (digit >= donor)};
          }
        }
      }
      return;
    }
    case Interaction::sweeps: {
      // draw_derangement's cycles of tau, written straight into the pairs: the donor at
      // position tau_m meets the donor at position tau_(m+1) (its block's first after its last).
      shuffle(of_n_, n, rng, order_);
      shuffle(of_n_, n, rng, other_);
      pairs.resize(n);
      auto* const out = pairs.data();
      const std::uint32_t *const order = order_.data(), *const tau = other_.data();
      PackedDraws lengths(rng);
      for (std::uint32_t a = 0; a < n;) {
        const std::uint32_t b = a + derangement_cycle_length(n - a, lengths);
        for (std::uint32_t m = a; m + 1 < b; ++m) out[tau[m]] = {order[tau[m]], order[tau[m + 1]]};
        out[tau[b - 1]] = {order[tau[b - 1]], order[tau[a]]};
        a = b;
      }
      return;
    }
    case Interaction::all_pairs: {
      pairs.clear();
      pairs.reserve(std::size_t{n} * (n - 1));
      shuffle(of_n_, n, rng, order_);
      for (const auto donor : order_) {
        shuffle(of_n1_, n - 1, rng, other_);
        for (auto r : other_) pairs.emplace_back(donor, r >= donor ? r + 1 : r);
      }
      return;
    }
  }
}

}  // namespace kindest::reputation
