#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Answers a defection with a grudge whose length grows with the opponent's defection rate:
/// 1 + floor(20 x defections / moves) defections (the opponent is ignored meanwhile), then
/// cooperates again. Original to the Axelrod library (Geraint Palmer) [Knight2016].
class Punisher final : public StrategyOf<Punisher> {
 public:
  static constexpr StrategyInfo info{
      .id = "Punisher",
      .name = "Punisher",
      .aliases = "",
      .summary = "Punish a defection for longer the more often the opponent defects.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (remaining_ > 0) {
      --remaining_;
      return Action::D;
    }
    if (opponent.empty() || opponent.back() == Action::C) return Action::C;
    remaining_ = 20 * opponent.defections() / static_cast<std::int64_t>(opponent.size());
    return Action::D;
  }

 private:
  std::int64_t remaining_ = 0;
};

}  // namespace kindest::strategies
