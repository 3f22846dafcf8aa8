#pragma once
#include <algorithm>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Keeps a credit, 7 at the start, raised by 1 (to at most 8) after each opponent cooperation
/// and lowered by 2 (to at least -7) after each defection, and cooperates while it is positive.
/// Out of credit within the first ten moves it defects and resets the credit to 4; later it
/// defects only if at least 15% of the moves so far (counting this one) were opponent
/// defections. Ray Mikkelson's entry (K66R), 20th in Axelrod's second tournament [Axelrod1980b].
class SecondByMikkelson final : public StrategyOf<SecondByMikkelson> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByMikkelson",
      .name = "Second by Mikkelson",
      .aliases = "K66R",
      .summary = "Credit +1 per opponent C, -2 per D; C while positive, else D if >= 15% D.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (opponent.empty()) return Action::C;
    credit_ = opponent.back() == Action::C ? std::min(credit_ + 1, 8) : std::max(credit_ - 2, -7);
    const auto turn = static_cast<std::int64_t>(opponent.size()) + 1;
    if (turn == 2 || credit_ > 0) return Action::C;
    if (turn <= 10) {
      credit_ = 4;
      return Action::D;
    }
    // defections / turn >= 0.15, in integers.
    return 100 * opponent.defections() >= 15 * turn ? Action::D : Action::C;
  }

 private:
  int credit_ = 7;
};

}  // namespace kindest::strategies
