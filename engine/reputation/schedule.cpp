#include "engine/reputation/schedule.hpp"

#include <algorithm>

namespace kindest::reputation {

void shuffle_identity(std::uint32_t n, HalfDraws<>& rng, std::vector<std::uint32_t>& out) {
  out.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) out[i] = i;
  for (std::uint32_t i = n; i > 1; --i) {
    const auto j = rng.below(i);
    std::swap(out[i - 1], out[j]);
  }
}

void draw_schedule(Interaction interaction, std::uint32_t n, Stream& stream,
                   std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  pairs.clear();
  HalfDraws rng(stream);
  switch (interaction) {
    case Interaction::random_pairs:
      for (std::uint32_t k = 0; k < n; ++k) {
        const auto donor = rng.below(n);
        auto recipient = rng.below(n - 1);
        if (recipient >= donor) ++recipient;
        pairs.emplace_back(donor, recipient);
      }
      return;
    case Interaction::sweeps: {
      std::vector<std::uint32_t> order, derangement;
      shuffle_identity(n, rng, order);
      for (;;) {
        shuffle_identity(n, rng, derangement);
        bool fixed = false;
        for (std::uint32_t k = 0; k < n && !fixed; ++k) fixed = derangement[k] == k;
        if (!fixed) break;
      }
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
