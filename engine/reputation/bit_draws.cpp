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

}  // namespace kindest::reputation
