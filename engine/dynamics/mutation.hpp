#pragma once
// Uniform mutation: with probability mu a new individual takes one of the other S - 1
// strategies, each equally likely. (Local mutation in memory-one space needs a continuous
// strategy set and is not implemented yet.)
#include <cstdint>

#include "engine/random/streams.hpp"

namespace kindest::dynamics {

/// A strategy other than `from`, uniformly among the other `strategies` - 1.
inline std::uint32_t mutant_of(std::uint32_t from, std::size_t strategies, Stream& rng) noexcept {
  const auto k = static_cast<std::uint32_t>(rng.below(strategies - 1));
  return k >= from ? k + 1 : k;
}

}  // namespace kindest::dynamics
