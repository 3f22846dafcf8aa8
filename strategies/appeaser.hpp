#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Starts with C and switches between C and D every time the opponent defects, keeping its move
/// otherwise: "guesses what the opponent wants". Original to the Axelrod library (Jochen Müller)
/// [Knight2016]. As a function of the last round it is exactly win-stay, lose-shift.
class Appeaser final : public StrategyOf<Appeaser> {
 public:
  static constexpr StrategyInfo info{.id = "Appeaser",
                                     .name = "Appeaser",
                                     .aliases = "",
                                     .summary = "Switch own move whenever the opponent defects.",
                                     .cite = "Knight2016",
                                     .memory_depth = 1,
                                     .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (opponent.empty()) return Action::C;
    return opponent.back() == Action::D ? flip(own.back()) : own.back();
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{1, 0, 0, 1}, 1};
  }
};

}  // namespace kindest::strategies
