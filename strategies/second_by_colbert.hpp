#pragma once
#include "strategies/fsm.hpp"

namespace kindest::strategies {

/// Cooperates on the first eight moves except the sixth, which it defects. Then it answers an
/// opponent cooperation with one cooperation and a defection with the fixed chain D, D, C, C,
/// ignoring the opponent meanwhile. William Colbert's entry (K51R), 18th in Axelrod's second
/// tournament [Axelrod1980b]; the machine is the Axelrod library's. Memory depth unbounded, not
/// the library's 4: the sixth-move defection depends on the move number, not on recent play.
class SecondByColbert final : public StrategyOf<SecondByColbert, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByColbert",
      .name = "Second by Colbert",
      .aliases = "K51R",
      .summary = "C except on move 6 for 8 moves; then C after C, D, D, C, C after D.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false};
  // States 0-6 count the opening moves; 7 is tit for tat's C state; 8-10 run the chain.
  SecondByColbert()
      : StrategyOf(
            "0,C; 0,C->1,C; 0,D->1,C; 1,C->2,C; 1,D->2,C; 2,C->3,C; 2,D->3,C; 3,C->4,C; "
            "3,D->4,C; 4,C->5,D; 4,D->5,D; 5,C->6,C; 5,D->6,C; 6,C->7,C; 6,D->7,C; 7,C->7,C; "
            "7,D->8,D; 8,C->9,D; 8,D->9,D; 9,C->10,C; 9,D->10,C; 10,C->7,C; 10,D->7,C") {}
};

}  // namespace kindest::strategies
