#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Always cooperates: the unconditional altruist, the baseline every exploiter feeds on.
/// Names: Cooperator, ALLC [Axelrod1984].
class Cooperator final : public StrategyOf<Cooperator> {
 public:
  static constexpr StrategyInfo info{.id = "Cooperator",
                                     .name = "Cooperator",
                                     .aliases = "ALLC",
                                     .summary = "Always cooperate.",
                                     .cite = "Axelrod1984",
                                     .memory_depth = 0,
                                     .stochastic = false};
  Action move(const History&, const History&, Stream&) override { return Action::C; }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{1, 1, 1, 1}, 1};
  }
};

}  // namespace kindest::strategies
