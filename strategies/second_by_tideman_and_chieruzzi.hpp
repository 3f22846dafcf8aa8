#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates while its score (the match's payoffs) leads the opponent's by at least a margin.
/// The margin starts at 0; each time the opponent's last two moves are C then D it grows by an
/// increment that starts at 0 and itself grows by 5. Falling short of the margin it defects,
/// unless the opponent's last two moves were not C, D, at least 10 moves have passed since the
/// last fresh start and the opponent's defections lie 3 standard deviations or more from those
/// of a fair coin: then it gives a "fresh start", two cooperations after which scores, margin
/// and increment restart from 0. T. Nicolaus Tideman and Paula Chieruzzi's entry (K84R), 9th in
/// Axelrod's second tournament [Axelrod1980b], as the Axelrod library reads the Fortran.
class SecondByTidemanAndChieruzzi final : public StrategyOf<SecondByTidemanAndChieruzzi> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByTidemanAndChieruzzi",
      .name = "Second by Tideman and Chieruzzi",
      .aliases = "K84R",
      .summary = "C while ahead by a margin grown by each opponent C-then-D; fresh starts.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false,
      .uses_game = true};
  Action move(const History& own, const History& opponent, Stream&) override;

 private:
  double score_ = 0;
  double opponent_score_ = 0;
  double margin_ = 0;
  double margin_step_ = 0;
  std::size_t last_fresh_start_ = 0;  // move number; 0 = none yet
  bool second_fresh_cooperation_ = false;
};

}  // namespace kindest::strategies
