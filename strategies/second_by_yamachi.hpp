#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Predicts the opponent from a table of counts of (opponent move, own next move, opponent's
/// move after that): with X the opponent's move two turns ago and Y its own last intended move,
/// it cooperates if (X, Y, C) has been seen at least as often as (X, Y, D). From move 41 it
/// defects whenever (opponent defections + 0.5) / move number lies strictly between 0.45 and
/// 0.55, but keeps recording the move the table chose. Brian Yamachi's entry (K64R), 17th in
/// Axelrod's second tournament [Axelrod1980b], as the Axelrod library reads the Fortran.
class SecondByYamachi final : public StrategyOf<SecondByYamachi> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByYamachi",
      .name = "Second by Yamachi",
      .aliases = "K64R",
      .summary = "Predict the opponent from (its move, own reply, its next) counts; D vs 50/50.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override;

 private:
  Action chosen(Action wanted, const History& opponent, std::size_t turn);

  std::array<std::int64_t, 8> counts_{};  // index 4*them + 2*us + them_next, C = 0
  std::vector<Action> intended_;          // the table's choices, before the 50/50 override
};

}  // namespace kindest::strategies
