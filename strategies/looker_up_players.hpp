#pragma once
// Named lookup tables: library-trained or published tables played by the LookerUp family,
// including deterministic memory-two rules (own last two moves, opponent's last two). Each
// table is the Axelrod library's pattern string in its key order (own plays, opponent plays,
// opponent openings; C before D), which is LookerUp's index order.
#include "strategies/looker_up.hpp"

namespace kindest::strategies {

/// Evolved on last own move, last opponent move and the opponent's first move.
/// Table transcribed from the Axelrod library [Harper2017].
class EvolvedLookerUp1_1_1 final : public StrategyOf<EvolvedLookerUp1_1_1, LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "EvolvedLookerUp1_1_1",
      .name = "Evolved Lookerup 1 1 1",
      .aliases = "",
      .summary = "Evolved table on both last moves and the opponent's first move.",
      .cite = "Harper2017",
      .memory_depth = -1,
      .stochastic = false};
  EvolvedLookerUp1_1_1() : StrategyOf(1, 1, 1, "C", "CDDDDCDD") {}
};

/// Evolved on the last two moves of each player and the opponent's first two moves.
/// Table transcribed from the Axelrod library [Harper2017].
class EvolvedLookerUp2_2_2 final : public StrategyOf<EvolvedLookerUp2_2_2, LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "EvolvedLookerUp2_2_2",
      .name = "Evolved Lookerup 2 2 2",
      .aliases = "",
      .summary = "Evolved table on both players' last two moves and the opponent's first two.",
      .cite = "Harper2017",
      .memory_depth = -1,
      .stochastic = false};
  EvolvedLookerUp2_2_2()
      : StrategyOf(2, 2, 2, "CC",
                   "CDDCDCDDCDDDCDDDDDCDCDCCCDDCCDCDDDCCCCCDDDCDDDDDDDDDCCDDCDDDCCCD") {}
};

/// Table on own last move and the opponent's last two, opening C, C [Mathieu2015].
class Winner12 final : public StrategyOf<Winner12, LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "Winner12",
      .name = "Winner12",
      .aliases = "",
      .summary = "Table on own last move and the opponent's last two; opens C, C.",
      .cite = "Mathieu2015",
      .memory_depth = 2,
      .stochastic = false};
  Winner12() : StrategyOf(1, 2, "CC", "CDCDDCDD") {}
};

/// Table on own last move and the opponent's last two, opening D, C [Mathieu2015]. (The
/// library's Winner21 reads the same history as Winner12, with another table.)
class Winner21 final : public StrategyOf<Winner21, LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "Winner21",
      .name = "Winner21",
      .aliases = "",
      .summary = "Table on own last move and the opponent's last two; opens D, C.",
      .cite = "Mathieu2015",
      .memory_depth = 2,
      .stochastic = false};
  Winner21() : StrategyOf(1, 2, "DC", "CDCDCDDD") {}
};

/// All-or-none memory-two rule (AON2): cooperates iff its own last two moves equal the
/// opponent's last two, i.e. vector (1,0,0,0, 0,1,0,0, 0,0,1,0, 0,0,0,1) over (own last two,
/// opponent last two) histories. Opens C, C. [Hilbe2017]
class AON2 final : public StrategyOf<AON2, LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "AON2",
      .name = "AON2",
      .aliases = "",
      .summary = "All-or-none memory-two: cooperate iff own last two moves equal the opponent's.",
      .cite = "Hilbe2017",
      .memory_depth = 2,
      .stochastic = false};
  AON2() : StrategyOf(2, 2, "CC", "CDDDDCDDDDCDDDDC") {}
};

/// Delayed AON1, a memory-two relative of Win-Stay Lose-Shift: vector (1,0,0,0, 0,1,0,1,
/// 0,0,1,0, 0,1,0,1), the third of the equivalent vectors its source lists (highest
/// self-cooperation). Opens C, C. [Hilbe2017]
class DelayedAON1 final : public StrategyOf<DelayedAON1, LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "DelayedAON1",
      .name = "Delayed AON1",
      .aliases = "",
      .summary =
          "Memory-two delayed WSLS: cooperate after CC-CC, CD-CD, CD-DD, DC-DC, DD-CD, DD-DD.",
      .cite = "Hilbe2017",
      .memory_depth = 2,
      .stochastic = false};
  DelayedAON1() : StrategyOf(2, 2, "CC", "CDDDDCDCDDCDDCDC") {}
};

}  // namespace kindest::strategies
