#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates first and after every opponent cooperation. Defects for good-looking reasons:
/// when the opponent's defections exceed 39% of the move number after move 39, 65% after move
/// 29 or 79% after move 19, or after an opponent defection once it has defected more than 17
/// times; otherwise it answers a defection with a fair coin. Rob Cave's entry in Axelrod's
/// second tournament [Axelrod1980b].
class SecondByCave final : public StrategyOf<SecondByCave> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByCave",
      .name = "Second by Cave",
      .aliases = "Cave",
      .summary = "C after C; D vs frequent defectors; else answer a D with a fair coin.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    const std::size_t turn = own.size() + 1;
    if (turn == 1) return Action::C;
    const std::int64_t defections = opponent.defections();
    const double share = static_cast<double>(defections) / static_cast<double>(turn);
    if ((turn > 39 && share > 0.39) || (turn > 29 && share > 0.65) || (turn > 19 && share > 0.79))
      return Action::D;
    if (opponent.back() == Action::C) return Action::C;
    if (defections > 17) return Action::D;
    return rng.bernoulli(0.5) ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
