#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat with growing punishment: each new run of the opponent's defections is answered
/// with one more defection than the last. The opponent gets a "fresh start" (two cooperations,
/// then play as if the match had just begun) when it cooperated last, is at least 10 points
/// behind, at least 20 moves have passed since the last fresh start, and its defection count is
/// at least 3 standard deviations from that of a fair coin. T. Nicolaus Tideman and Paula
/// Chieruzzi's entry, 2nd in Axelrod's first tournament [Axelrod1980]; details as the Axelrod
/// library reads them. Strategies see neither payoffs nor the match length: scores use
/// (R, S, T, P) = (3, 0, 5, 1), and the length is treated as unknown, as the Axelrod library
/// does for matches of unknown length, so the "10 moves remaining" condition always holds and
/// there are no automatic defections on the last two moves.
class FirstByTidemanAndChieruzzi final : public StrategyOf<FirstByTidemanAndChieruzzi> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByTidemanAndChieruzzi",
      .name = "First by Tideman and Chieruzzi",
      .aliases = "",
      .summary = "Tit for tat with growing punishment and occasional fresh starts.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override;

 private:
  bool fresh_start_due(const History& own, const History& opponent) const;

  std::int64_t score_ = 0;
  std::int64_t opponent_score_ = 0;
  std::int64_t retaliation_length_ = 0;
  std::int64_t retaliation_remaining_ = 0;
  std::int64_t remembered_defections_ = 0;  // opponent's defections since the last fresh start
  std::size_t last_fresh_start_ = 0;        // 1-based move number; 0 = none yet
  bool second_fresh_cooperation_ = false;
};

}  // namespace kindest::strategies
