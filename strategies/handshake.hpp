#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Opens C, D, a "secret handshake"; cooperates for the rest of the match if the opponent opened
/// the same way, and defects for the rest of it otherwise. [Robson1990]
class Handshake final : public StrategyOf<Handshake> {
 public:
  static constexpr StrategyInfo info{
      .id = "Handshake",
      .name = "Handshake",
      .aliases = "",
      .summary = "Open C, D; cooperate forever with those who did the same, else defect.",
      .cite = "Robson1990",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.empty()) return Action::C;
    if (own.size() == 1) return Action::D;
    const bool matched = opponent[0] == Action::C && opponent[1] == Action::D;
    return matched ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
