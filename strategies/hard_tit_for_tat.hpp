#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit For Tat with a longer grudge: defects if the opponent defected in any of the last three
/// rounds, so each defection is punished three times. Names: Hard Tit For Tat [PD2017].
class HardTitForTat final : public StrategyOf<HardTitForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "HardTitForTat",
      .name = "Hard Tit For Tat",
      .aliases = "",
      .summary = "Defect if the opponent defected in any of the last three rounds.",
      .cite = "PD2017",
      .memory_depth = 3,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    const std::size_t looked = opponent.size() < 3 ? opponent.size() : 3;
    for (std::size_t k = 1; k <= looked; ++k)
      if (opponent.back(k) == Action::D) return Action::D;
    return Action::C;
  }
};

}  // namespace kindest::strategies
