#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// FoolMeOnce with a fallible memory: it counts the opponent's defections, forgives the
/// first and defects while the count is above one, but before each move after the first it
/// forgets the count (sets it to zero) with probability 0.05. Original to the Axelrod library
/// (Marc Harper) [Knight2016].
class ForgetfulFoolMeOnce final : public StrategyOf<ForgetfulFoolMeOnce> {
 public:
  static constexpr StrategyInfo info{
      .id = "ForgetfulFoolMeOnce",
      .name = "Forgetful Fool Me Once",
      .aliases = "",
      .summary = "Defect after a second defection; forget the count with probability 0.05.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = true};
  static constexpr double forget_probability = 0.05;
  Action move(const History&, const History& opponent, Stream& rng) override {
    if (opponent.empty()) return Action::C;
    if (opponent.back() == Action::D) ++defections_;
    if (rng.bernoulli(forget_probability)) defections_ = 0;
    return defections_ > 1 ? Action::D : Action::C;
  }

 private:
  long defections_ = 0;
};

}  // namespace kindest::strategies
