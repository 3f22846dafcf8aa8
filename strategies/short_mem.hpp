#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates for the first 11 moves; then looks at the opponent's last ten moves: C if they
/// hold at least 3 more cooperations than defections, D if at least 3 more defections, else tit
/// for tat. From Andre et al. (2013) [Andre2013].
class ShortMem final : public StrategyOf<ShortMem> {
 public:
  static constexpr StrategyInfo info{
      .id = "ShortMem",
      .name = "ShortMem",
      .aliases = "",
      .summary =
          "C for 11 moves; then by the opponent's last 10: C or D on a margin of 3, else TFT.",
      .cite = "Andre2013",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (opponent.size() <= 10) return Action::C;
    int margin = 0;  // cooperations minus defections over the last ten
    for (std::size_t k = 1; k <= 10; ++k) margin += opponent.back(k) == Action::C ? 1 : -1;
    if (margin >= 3) return Action::C;
    if (margin <= -3) return Action::D;
    return opponent.back();
  }
};

}  // namespace kindest::strategies
