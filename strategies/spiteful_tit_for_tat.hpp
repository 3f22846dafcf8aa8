#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit For Tat until the opponent defects twice in a row, then defects for the rest of the
/// match. Names: Spiteful Tit For Tat [Prison1998].
class SpitefulTitForTat final : public StrategyOf<SpitefulTitForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "SpitefulTitForTat",
      .name = "Spiteful Tit For Tat",
      .aliases = "",
      .summary = "Tit For Tat until two opponent defections in a row, then always defect.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    const std::size_t n = opponent.size();
    if (n == 0) {
      spiteful_ = false;  // a new match: forget the last one's grudge
      return Action::C;
    }
    if (n >= 2 && opponent.back(1) == Action::D && opponent.back(2) == Action::D) spiteful_ = true;
    return spiteful_ ? Action::D : opponent.back();
  }

 private:
  bool spiteful_ = false;
};

}  // namespace kindest::strategies
