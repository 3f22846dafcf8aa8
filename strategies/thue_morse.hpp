#pragma once
// Players of the Thue-Morse sequence 0 1 1 0 1 0 0 1 ..., whose n-th term (from 0) is the
// parity of the number of ones in the binary form of n: a sequence without period.
#include <bit>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

namespace detail {
inline bool thue_morse(std::uint64_t n) { return std::popcount(n) % 2 == 1; }
}  // namespace detail

/// Plays the Thue-Morse sequence with 1 = C and 0 = D: D, C, C, D, C, D, D, C, ...
/// Original to the Axelrod library (Geraint Palmer) [Knight2016].
class ThueMorse final : public StrategyOf<ThueMorse> {
 public:
  static constexpr StrategyInfo info{
      .id = "ThueMorse",
      .name = "ThueMorse",
      .aliases = "",
      .summary = "Play the Thue-Morse sequence, 1 = C: D C C D C D D C ...",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History&, Stream&) override {
    return detail::thue_morse(own.size()) ? Action::C : Action::D;
  }
};

/// Plays the Thue-Morse sequence with 0 = C: C, D, D, C, D, C, C, D, ... Original to the
/// Axelrod library (Geraint Palmer) [Knight2016].
class ThueMorseInverse final : public StrategyOf<ThueMorseInverse> {
 public:
  static constexpr StrategyInfo info{
      .id = "ThueMorseInverse",
      .name = "ThueMorseInverse",
      .aliases = "",
      .summary = "Play the Thue-Morse sequence, 0 = C: C D D C D C C D ...",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History&, Stream&) override {
    return detail::thue_morse(own.size()) ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
