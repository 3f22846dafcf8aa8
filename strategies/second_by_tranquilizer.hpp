#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Normally cooperates, but throws in a defection now and then while it scores well, never two
/// in a row: after each such "good" defection it cooperates, and it folds its payoffs of the
/// defection's round and of the next into running averages (AD, starting at 5, and NO,
/// starting at 0). Otherwise, with its score so far divided by the move number at least 2.25,
/// it cooperates with probability 0.95 - (AD + NO - 5) / 15 + 1 / move^2 - (1/4 if the
/// opponent just defected), else makes a good defection; at least 1.75, it cooperates with
/// probability 0.25 + (opponent cooperations + 1) / move - 0.25 (opponent's current run of
/// defections) + (own score - opponent's) / 100 + 4 / move; below, tit for tat. Craig Feathers'
/// entry (K67R), 27th in Axelrod's second tournament [Axelrod1980b], as the Axelrod library
/// reverse-engineered the Fortran. Scores use the payoffs (3, 0, 5, 1) whatever the match's
/// game, as the library's do.
class SecondByTranquilizer final : public StrategyOf<SecondByTranquilizer> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByTranquilizer",
      .name = "Second by Tranquilizer",
      .aliases = "K67R",
      .summary = "C; an occasional lone D while scoring >= 2.25 a move; random C below; TFT.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override;

 private:
  int after_good_defection_ = 0;          // FD: 1 or 2 rounds after one, else 0
  std::int64_t opponent_defect_run_ = 0;  // S
  double one_after_ = 5;                  // AD: mean payoff the round after a good defection
  double two_after_ = 0;                  // NO: the round after that
  std::int64_t one_after_count_ = 1;      // AK
  std::int64_t two_after_count_ = 1;      // NK
  std::int64_t own_score_ = 0, opponent_score_ = 0;
};

}  // namespace kindest::strategies
