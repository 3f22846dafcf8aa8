#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates while the opponent has defected on at most 10% of its moves so far, and defects
/// while it is above. Original to the Axelrod library (Thomas Campbell) [Knight2016].
class Forgiver final : public StrategyOf<Forgiver> {
 public:
  static constexpr StrategyInfo info{
      .id = "Forgiver",
      .name = "Forgiver",
      .aliases = "",
      .summary = "Defect while the opponent's defection rate exceeds 10%.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    const bool too_many = 10 * opponent.defections() > static_cast<std::int64_t>(opponent.size());
    return too_many ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
