#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Always defects: the unique Nash equilibrium of the one-shot game, played every round.
/// Names: Defector, ALLD [Axelrod1984].
class Defector final : public StrategyOf<Defector> {
 public:
  static constexpr StrategyInfo info{.id = "Defector",
                                     .name = "Defector",
                                     .aliases = "ALLD",
                                     .summary = "Always defect.",
                                     .cite = "Axelrod1984",
                                     .memory_depth = 0,
                                     .stochastic = false};
  Action move(const History&, const History&, Stream&) override { return Action::D; }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{0, 0, 0, 0}, 0};
  }
};

}  // namespace kindest::strategies
