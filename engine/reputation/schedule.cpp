#include "engine/reputation/schedule.hpp"

#include <algorithm>

namespace kindest::reputation {

namespace {

// Fisher-Yates from the top: step i (i = n .. 2) swaps position i - 1 with a uniform j < i,
// after which position i - 1 holds its final value. With `derange` the shuffle gives up
// (returns false) at the first final fixed point: the finished shuffle would be rejected
// anyway, so stopping early keeps the accepted ones uniform among derangements and costs about
// n (1 - 1/e) draws per attempt instead of n (about 1.7 n per derangement instead of e n).
bool shuffle(std::uint32_t n, PackedDraws<>& rng, std::vector<std::uint32_t>& out, bool derange) {
  out.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) out[i] = i;
  std::uint32_t digit[64];
  std::uint32_t i = n;
  while (i > 1) {
    const unsigned k = rng.group([i](unsigned t) { return i - t; }, i - 1, digit);
    for (unsigned t = 0; t < k; ++t, --i) {
      std::swap(out[i - 1], out[digit[t]]);
      if (derange && out[i - 1] == i - 1) return false;
    }
  }
  return !derange || out[0] != 0;
}

}  // namespace

void shuffle_identity(std::uint32_t n, PackedDraws<>& rng, std::vector<std::uint32_t>& out) {
  shuffle(n, rng, out, false);
}

void draw_derangement(std::uint32_t n, PackedDraws<>& rng, std::vector<std::uint32_t>& out) {
  while (!shuffle(n, rng, out, true)) {
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
