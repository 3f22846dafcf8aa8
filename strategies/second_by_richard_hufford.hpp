#pragma once
#include <array>
#include <cstdint>
#include <limits>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Counts "agreements": turns where the opponent's move equals its own move of the turn before
/// (the opponent's first move agrees iff it is C). With p = (agreements + 2) / move number and
/// k = agreements in the last four turns (missing turns count as agreements): cooperate if
/// p > 0.9 and k = 4, tit for tat if p >= 0.625 and k >= 2, else defect. After a run of opponent
/// cooperations of the needed length (21 at first) it defects once as a probe; two moves later
/// it cooperates, restarts the run and sets the needed length to floor(20 (2 + probes answered
/// with D) / (2 + probes answered with C)) + 1. Richard Hufford's entry (K47R), 16th in Axelrod's
/// second tournament [Axelrod1980b], as the Axelrod library reads the Fortran.
class SecondByRichardHufford final : public StrategyOf<SecondByRichardHufford> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByRichardHufford",
      .name = "Second by RichardHufford",
      .aliases = "K47R",
      .summary = "C, TFT or D by how often the opponent echoes it; a D probe after long C runs.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override;

 private:
  static constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();

  std::int64_t agreements_ = 2;
  std::array<int, 4> last_four_ = {1, 1, 1, 1};
  std::size_t last_four_at_ = 0;
  std::int64_t streak_needed_ = 21;
  std::int64_t streak_ = 2;  // opponent cooperations in a row
  std::int64_t probe_turn_ = never;
  std::int64_t probes_answered_c_ = 2;
  std::int64_t probes_answered_d_ = 2;
};

}  // namespace kindest::strategies
