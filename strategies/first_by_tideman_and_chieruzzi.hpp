#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat with growing punishment: each new run of the opponent's defections is answered
/// with one more defection than the last. The opponent gets a "fresh start" (two cooperations,
/// then play as if the match had just begun) when it cooperated last, is at least 10 points
/// behind, at least 20 moves have passed since the last fresh start, at least 10 moves remain
/// after this one, and its defection count is at least 3 standard deviations from that of a
/// fair coin. Defects on the last two moves. T. Nicolaus Tideman and Paula Chieruzzi's entry,
/// 2nd in Axelrod's first tournament [Axelrod1980]; details as the Axelrod library reads them.
/// Scores use the match's payoffs. In a match of unknown length (random length) the "10 moves
/// remain" condition always holds and there is no end game, as in the library.
class FirstByTidemanAndChieruzzi final : public StrategyOf<FirstByTidemanAndChieruzzi> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByTidemanAndChieruzzi",
      .name = "First by Tideman and Chieruzzi",
      .aliases = "TidemanAndChieruzzi",
      .summary = "Tit for tat with growing punishment and fresh starts; D on the last 2 moves.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = false,
      .uses_length = true,
      .uses_game = true};
  Action move(const History& own, const History& opponent, Stream& rng) override;

 private:
  Action rule_move(const History& own, const History& opponent, Stream&);
  bool fresh_start_due(const History& own, const History& opponent) const;

  double score_ = 0;
  double opponent_score_ = 0;
  std::int64_t retaliation_length_ = 0;
  std::int64_t retaliation_remaining_ = 0;
  std::int64_t remembered_defections_ = 0;  // opponent's defections since the last fresh start
  std::size_t last_fresh_start_ = 0;        // 1-based move number; 0 = none yet
  bool second_fresh_cooperation_ = false;
};

}  // namespace kindest::strategies
