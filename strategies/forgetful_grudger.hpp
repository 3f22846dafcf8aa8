#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Grudger that forgets: an opponent's defection starts a grudge of 10 defections, after which it
/// cooperates again unless the opponent's last move was a defection. Defections during a grudge
/// do not lengthen it. Original to the Axelrod library (Geraint Palmer) [Knight2016].
class ForgetfulGrudger final : public StrategyOf<ForgetfulGrudger> {
 public:
  static constexpr StrategyInfo info{
      .id = "ForgetfulGrudger",
      .name = "Forgetful Grudger",
      .aliases = "",
      .summary = "Answer a defection with 10 defections, then start afresh.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (grudge_left_ == 0 && !opponent.empty() && opponent.back() == Action::D) grudge_left_ = 10;
    if (grudge_left_ == 0) return Action::C;
    --grudge_left_;
    return Action::D;
  }

 private:
  int grudge_left_ = 0;
};

}  // namespace kindest::strategies
