#include "engine/reputation/bit_draws.hpp"

#include <algorithm>
#include <cmath>

namespace kindest::reputation {

BernoulliWord::BernoulliWord(double p) noexcept {
  if (!(p > 0.0)) {
    never_ = true;
    return;
  }
  if (p >= 1.0) {
    always_ = true;
    return;
  }
  if (p > 0.125 && p < 0.875) {
    threshold_ = static_cast<std::uint64_t>(std::ldexp(p, 64));
    if (threshold_ == 0) never_ = true;
    return;
  }
  count_ = true;
  complement_ = p >= 0.875;
  const long double x = complement_ ? 1.0L - p : p;
  // Binomial(64, x) by the ratio of successive terms, summed in long double.
  long double term = std::pow(1.0L - x, 64), sum = 0;
  for (unsigned k = 0; k < 64; ++k) {
    sum += term;
    const long double scaled = std::ldexp(std::min(sum, 1.0L), 64);
    cdf_[k] = scaled >= 0x1p64L ? ~std::uint64_t{0} : static_cast<std::uint64_t>(scaled);
    term *= (64.0L - k) / (k + 1.0L) * x / (1.0L - x);
  }
  // Guide table: a u with top byte b is at least b 2^56, so its K is at least the first k
  // with cdf_[k] > b 2^56; the search starts there.
  for (unsigned b = 0, k = 0; b < 256; ++b) {
    const std::uint64_t low = std::uint64_t{b} << 56;
    while (k < 64 && cdf_[k] <= low) ++k;
    guide_[b] = static_cast<std::uint8_t>(k);
  }
}

void shuffle_identity(std::uint32_t n, HalfDraws& rng, std::vector<std::uint32_t>& out) {
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
