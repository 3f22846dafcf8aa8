#pragma once
// Tit for tat with an escape from (or into) runs of its own moves.
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

namespace detail {
/// True when `own` ends with five moves `a`.
inline bool last_five_are(const History& own, Action a) {
  if (own.size() < 5) return false;
  for (std::size_t k = 1; k <= 5; ++k)
    if (own.back(k) != a) return false;
  return true;
}
}  // namespace detail

/// Tit for tat, except that after five defections of its own in a row it defects again
/// (rather than resuming on an opponent's cooperation). From Eckhart Arnold's CoopSim
/// [Eckhart2015].
class Resurrection final : public StrategyOf<Resurrection> {
 public:
  static constexpr StrategyInfo info{
      .id = "Resurrection",
      .name = "Resurrection",
      .aliases = "",
      .summary = "Tit for tat, but defect after five own defections in a row.",
      .cite = "Eckhart2015",
      .memory_depth = 5,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.empty()) return Action::C;
    return detail::last_five_are(own, Action::D) ? Action::D : opponent.back();
  }
};

/// Tit for tat that defects after five cooperations of its own in a row and cooperates after
/// five defections in a row. From Eckhart Arnold's CoopSim [Eckhart2015].
class DoubleResurrection final : public StrategyOf<DoubleResurrection> {
 public:
  static constexpr StrategyInfo info{
      .id = "DoubleResurrection",
      .name = "DoubleResurrection",
      .aliases = "",
      .summary = "Tit for tat; D after five own C in a row, C after five own D in a row.",
      .cite = "Eckhart2015",
      .memory_depth = 5,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.empty()) return Action::C;
    if (detail::last_five_are(own, Action::C)) return Action::D;
    if (detail::last_five_are(own, Action::D)) return Action::C;
    return opponent.back();
  }
};

}  // namespace kindest::strategies
