#pragma once
#include <algorithm>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates until the opponent defects, then defects for a grudge whose length
/// Derived::grudge(opponent) sets from the opponent's history, ignoring the opponent meanwhile,
/// and cooperates again. The Punisher rules of the Axelrod library (Geraint Palmer) [Knight2016].
template <class Derived>
class GrudgePunisher : public StrategyOf<Derived> {
 public:
  Action move(const History&, const History& opponent, Stream&) override {
    if (remaining_ > 0) {
      --remaining_;
      return Action::D;
    }
    if (opponent.empty() || opponent.back() == Action::C) return Action::C;
    remaining_ = Derived::grudge(opponent);
    return Action::D;
  }

 private:
  std::int64_t remaining_ = 0;
};

/// Answers a defection with 1 + floor(20 x defections / moves) defections: the grudge grows
/// with the opponent's defection rate.
class Punisher final : public GrudgePunisher<Punisher> {
 public:
  static constexpr StrategyInfo info{
      .id = "Punisher",
      .name = "Punisher",
      .aliases = "",
      .summary = "Punish a defection for longer the more often the opponent defects.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  static std::int64_t grudge(const History& opponent) {
    return 20 * opponent.defections() / static_cast<std::int64_t>(opponent.size());
  }
};

/// Punisher turned around: 1 + max(1, floor(20 x cooperations / moves)) defections, so a mostly
/// cooperative opponent is punished hardest for a lapse.
class InversePunisher final : public GrudgePunisher<InversePunisher> {
 public:
  static constexpr StrategyInfo info{
      .id = "InversePunisher",
      .name = "Inverse Punisher",
      .aliases = "",
      .summary = "Punish a defection for longer the more often the opponent cooperates.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  static std::int64_t grudge(const History& opponent) {
    return std::max<std::int64_t>(
        1, 20 * opponent.cooperations() / static_cast<std::int64_t>(opponent.size()));
  }
};

}  // namespace kindest::strategies
