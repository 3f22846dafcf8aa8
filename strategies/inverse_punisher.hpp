#pragma once
#include <algorithm>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Punisher with the grudge length turned around: a defection is answered with
/// 1 + max(1, floor(20 x cooperations / moves)) defections, so a mostly cooperative opponent is
/// punished hardest for a lapse. Original to the Axelrod library (Geraint Palmer) [Knight2016].
class InversePunisher final : public StrategyOf<InversePunisher> {
 public:
  static constexpr StrategyInfo info{
      .id = "InversePunisher",
      .name = "Inverse Punisher",
      .aliases = "",
      .summary = "Punish a defection for longer the more often the opponent cooperates.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (remaining_ > 0) {
      --remaining_;
      return Action::D;
    }
    if (opponent.empty() || opponent.back() == Action::C) return Action::C;
    remaining_ = std::max<std::int64_t>(
        1, 20 * opponent.cooperations() / static_cast<std::int64_t>(opponent.size()));
    return Action::D;
  }

 private:
  std::int64_t remaining_ = 0;
};

}  // namespace kindest::strategies
