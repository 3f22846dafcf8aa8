#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tracks grumpiness = the opponent's defections minus its cooperations. Starts nice and
/// cooperates; turns grumpy and defects once grumpiness exceeds 10, and turns nice again only
/// when it falls below -10. Original to the Axelrod library (Thomas Campbell) [Knight2016].
class Grumpy final : public StrategyOf<Grumpy> {
 public:
  static constexpr StrategyInfo info{
      .id = "Grumpy",
      .name = "Grumpy",
      .aliases = "",
      .summary = "Defect once the opponent's D - C exceeds 10, until it falls below -10.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    const std::int64_t grumpiness = opponent.defections() - opponent.cooperations();
    if (grumpy_ ? grumpiness < -10 : grumpiness > 10) grumpy_ = !grumpy_;
    return grumpy_ ? Action::D : Action::C;
  }

 private:
  bool grumpy_ = false;
};

}  // namespace kindest::strategies
