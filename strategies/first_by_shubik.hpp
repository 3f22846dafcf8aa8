#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat whose retaliation grows: the k-th time the opponent defects against its
/// cooperation it defects for k moves, ignoring the opponent while it retaliates. Martin Shubik's
/// entry, 5th in Axelrod's first tournament [Axelrod1980]. As in the Axelrod library, a defection
/// answered while already retaliating does not start a new, longer retaliation.
class FirstByShubik final : public StrategyOf<FirstByShubik> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByShubik",
      .name = "First by Shubik",
      .aliases = "Shubik",
      .summary = "Tit for tat, retaliating one move longer after each provocation.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (opponent.empty()) return Action::C;
    if (remaining_ > 0) {
      --remaining_;
      return Action::D;
    }
    if (opponent.back() == Action::D && own.back() == Action::C) {
      ++length_;
      remaining_ = length_ - 1;  // this move is the first of the `length_` defections
      return Action::D;
    }
    return Action::C;
  }

 private:
  std::int64_t length_ = 0;
  std::int64_t remaining_ = 0;
};

}  // namespace kindest::strategies
