#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat with two repairs and a defect mode. In normal mode it cooperates once after
/// three mutual defections in a row, and after three turns of echoed alternation (each side
/// repeating the other's move of two turns before) it turns its next defection into a
/// cooperation. On move 27 and every 25 moves after, it counts the opponent's cooperations
/// since the last check (split by whether it had itself cooperated the turn before) and defects
/// until the next check if there were fewer than 3, or 8 to 17 with under 70% of them answering
/// its own cooperation (an opponent that looks random); leaving defect mode it defects once
/// more. Otto Borufsen's entry (K42R), 3rd in Axelrod's second tournament [Axelrod1980b], as
/// the Axelrod library reads the Fortran.
class SecondByBorufsen final : public StrategyOf<SecondByBorufsen> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByBorufsen",
      .name = "Second by Borufsen",
      .aliases = "K42R",
      .summary = "TFT that breaks D-D and echo loops; every 25 moves D mode vs defectors/randoms.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override;

 private:
  Action tit_for_tat(Action opponent_last);

  std::int64_t answered_c_ = 0;  // opponent C after own C, since the last check
  std::int64_t answered_d_ = 0;  // opponent C after own D, since the last check
  int mutual_defections_ = 0;
  int echoes_ = 0;
  bool flip_next_defection_ = false;
  bool defect_mode_ = false;
};

}  // namespace kindest::strategies
