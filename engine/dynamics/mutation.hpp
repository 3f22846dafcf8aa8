#pragma once
// Where a mutant goes. With probability mu a new individual takes another strategy:
//   uniform  one of the other S - 1 strategies, each equally likely;
//   local    one of the other strategies with probability proportional to
//            exp(-d^2 / (2 sigma^2)), d the Euclidean distance between the two strategies'
//            memory-one vectors (pCC, pCD, pDC, pDD). Nowak & Sigmund (1993) let mutants land
//            near their parent in the continuous memory-one space; on a finite set of
//            memory-one strategies (e.g. [population] memory_one_grid) this is its
//            discretisation. The first-move probability is not part of the distance: it does
//            not matter in the long run.
#include <cstdint>
#include <vector>

#include "engine/core/strategy.hpp"
#include "engine/random/streams.hpp"

namespace kindest::dynamics {

/// A strategy other than `from`, uniformly among the other `strategies` - 1.
inline std::uint32_t mutant_of(std::uint32_t from, std::size_t strategies, Stream& rng) noexcept {
  const auto k = static_cast<std::uint32_t>(rng.below(strategies - 1));
  return k >= from ? k + 1 : k;
}

class LocalMutation {
 public:
  /// Throws ModelError unless sigma > 0 and there are at least two strategies.
  LocalMutation(const std::vector<MemoryOneVector>& strategies, double sigma);

  /// A strategy other than `from`, drawn with the Gaussian kernel above.
  std::uint32_t mutant_of(std::uint32_t from, Stream& rng) const;
  /// Probability that a mutant of `from` becomes `to` (0 for to == from).
  double probability(std::uint32_t from, std::uint32_t to) const;

 private:
  std::size_t s_;
  std::vector<double> cumulative_;  // row `from`: running sums of the kernel weights, S x S
};

}  // namespace kindest::dynamics
