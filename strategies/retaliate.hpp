#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates, but defects whenever the rounds in which the opponent exploited it (own C,
/// opponent D) number more than 10% of the rounds in which it exploited the opponent (own D,
/// opponent C). Original to the Axelrod library (Owen Campbell) [Knight2016].
class Retaliate final : public StrategyOf<Retaliate> {
 public:
  static constexpr StrategyInfo info{
      .id = "Retaliate",
      .name = "Retaliate",
      .aliases = "",
      .summary = "Defect while exploited more than 10% as often as it has exploited.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (!own.empty() && own.back() != opponent.back()) {
      if (own.back() == Action::C)
        ++exploited_;
      else
        ++exploiting_;
    }
    return 10 * exploited_ > exploiting_ ? Action::D : Action::C;
  }

 private:
  std::int64_t exploited_ = 0;   // rounds (C, D)
  std::int64_t exploiting_ = 0;  // rounds (D, C)
};

}  // namespace kindest::strategies
