#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit For Tat that opens with a defection: defects first, then copies the opponent's last move.
/// Two copies never leave mutual defection. Names: Suspicious Tit For Tat [Hilbe2013];
/// Mistrust (Beaufils, Delahaye and Mathieu 1997).
class SuspiciousTitForTat final : public StrategyOf<SuspiciousTitForTat> {
 public:
  static constexpr StrategyInfo info{.id = "SuspiciousTitForTat",
                                     .name = "Suspicious Tit For Tat",
                                     .aliases = "STFT, Mistrust",
                                     .summary = "Defect first, then copy the opponent's last move.",
                                     .cite = "Hilbe2013",
                                     .memory_depth = 1,
                                     .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    return opponent.empty() ? Action::D : opponent.back();
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{1, 0, 1, 0}, 0};
  }
};

}  // namespace kindest::strategies
