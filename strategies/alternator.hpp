#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates first, then does the opposite of its own last move: C, D, C, D, ... Reading its
/// own last move (not the turn number) makes it memory-one, so after an execution error it
/// alternates from the move actually played. Names: Alternator [Axelrod1984].
class Alternator final : public StrategyOf<Alternator> {
 public:
  static constexpr StrategyInfo info{
      .id = "Alternator",
      .name = "Alternator",
      .aliases = "",
      .summary = "Cooperate first, then the opposite of its own last move.",
      .cite = "Axelrod1984",
      .memory_depth = 1,
      .stochastic = false};
  Action move(const History& own, const History&, Stream&) override {
    return own.empty() ? Action::C : flip(own.back());
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{0, 0, 1, 1}, 1};
  }
};

}  // namespace kindest::strategies
