#pragma once
// Named memory-one rules from the literature, as MemoryOne vectors (pCC, pCD, pDC, pDD) with a
// cooperative first move; the numbers are the published ones (and the Axelrod library's).
#include "strategies/memory_one.hpp"

namespace kindest::strategies {

/// Tit for tat that, after mutual defection, cooperates with probability 2/3: (1, 0, 1, 2/3).
/// [Frean1994]
class FirmButFair final : public StrategyOf<FirmButFair, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirmButFair",
      .name = "Firm But Fair",
      .aliases = "",
      .summary = "Tit for tat; after mutual defection cooperate with probability 2/3.",
      .cite = "Frean1994",
      .memory_depth = 1,
      .stochastic = true};
  FirmButFair() : StrategyOf(MemoryOneVector{{1.0, 0.0, 1.0, 2.0 / 3.0}, 1.0}) {}
};

/// Cooperates after the opponent's C; after its D cooperates with probability 0.1: (1, 0.1, 1,
/// 0.1). [Prison1998]
class SoftJoss final : public StrategyOf<SoftJoss, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "SoftJoss",
      .name = "Soft Joss",
      .aliases = "",
      .summary = "Tit for tat that forgives a defection with probability 1/10.",
      .cite = "Prison1998",
      .memory_depth = 1,
      .stochastic = true};
  SoftJoss() : StrategyOf(MemoryOneVector{{1.0, 0.1, 1.0, 0.1}, 1.0}) {}
};

/// The memory-one rule that evolved to beat ZD strategies in Adami and Hintze's simulations.
/// [Adami2013]
class StochasticCooperator final : public StrategyOf<StochasticCooperator, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "StochasticCooperator",
      .name = "Stochastic Cooperator",
      .aliases = "",
      .summary = "Evolved memory-one rule (0.935, 0.229, 0.266, 0.42).",
      .cite = "Adami2013",
      .memory_depth = 1,
      .stochastic = true};
  StochasticCooperator() : StrategyOf(MemoryOneVector{{0.935, 0.229, 0.266, 0.42}, 1.0}) {}
};

/// Win-Stay Lose-Shift whose every move is the WSLS move with probability 0.95. [Knight2016]
class StochasticWSLS final : public StrategyOf<StochasticWSLS, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "StochasticWSLS",
      .name = "Stochastic WSLS",
      .aliases = "",
      .summary = "Win-stay lose-shift that errs with probability 0.05.",
      .cite = "Knight2016",
      .memory_depth = 1,
      .stochastic = true};
  StochasticWSLS() : StrategyOf(MemoryOneVector{{0.95, 0.05, 0.05, 0.95}, 1.0}) {}
};

/// Repeats its own last move, so after the first it plays Always Cooperate or Always Defect:
/// (1, 1, 0, 0), the phi = 0 edge of the zero-determinant rules. Opens with C with probability
/// 0.6, the Axelrod library's choice. Names: ALLC or ALLD (Marc Harper), Repeat [Akin2015].
class ALLCorALLD final : public StrategyOf<ALLCorALLD, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "ALLCorALLD",
      .name = "ALLC or ALLD",
      .aliases = "Repeat",
      .summary = "Repeat own last move: (1, 1, 0, 0); first move C with probability 0.6.",
      .cite = "Akin2015",
      .memory_depth = 1,
      .stochastic = true};
  ALLCorALLD() : StrategyOf(MemoryOneVector{{1.0, 1.0, 0.0, 0.0}, 0.6}) {}
};

/// Tit for tat that cooperates only with probability 9/10 after the opponent's C: (0.9, 0,
/// 0.9, 0), the same rule as FirstByJoss and NaiveProber under Marinoff's name. [Marinoff1992]
class BurnBothEnds final : public StrategyOf<BurnBothEnds, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "BurnBothEnds",
      .name = "Burn Both Ends",
      .aliases = "BBE",
      .summary = "Tit for tat that cooperates with probability 0.9 after a cooperation.",
      .cite = "Marinoff1992",
      .memory_depth = 1,
      .stochastic = true};
  BurnBothEnds() : StrategyOf(MemoryOneVector{{0.9, 0.0, 0.9, 0.0}, 1.0}) {}
};

/// Tit for tat that probes: after the opponent's C it defects with probability 1/10, so
/// (0.9, 0, 0.9, 0). [LiKendall2011]
class NaiveProber final : public StrategyOf<NaiveProber, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "NaiveProber",
      .name = "Naive Prober",
      .aliases = "",
      .summary = "Tit for tat that defects with probability 0.1 after a cooperation.",
      .cite = "LiKendall2011",
      .memory_depth = 1,
      .stochastic = true};
  NaiveProber() : StrategyOf(MemoryOneVector{{0.9, 0.0, 0.9, 0.0}, 1.0}) {}
};

/// Plays the opposite of the opponent's last move, after a fair coin on the first:
/// (0, 1, 0, 1), first 1/2. [PD2017]
class Negation final : public StrategyOf<Negation, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "Negation",
      .name = "Negation",
      .aliases = "",
      .summary = "Random first move, then the opposite of the opponent's last move.",
      .cite = "PD2017",
      .memory_depth = 1,
      .stochastic = true};
  Negation() : StrategyOf(MemoryOneVector{{0.0, 1.0, 0.0, 1.0}, 0.5}) {}
};

// Van den Berg and Weissing's three rules that each single out one outcome of the last round;
// the first move is a fair coin. [Berg2015]

/// Cooperates only after mutual defection: (0, 0, 0, 1). [Berg2015]
class Desperate final : public StrategyOf<Desperate, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "Desperate",
      .name = "Desperate",
      .aliases = "",
      .summary = "Random first move; cooperate only after mutual defection.",
      .cite = "Berg2015",
      .memory_depth = 1,
      .stochastic = true};
  Desperate() : StrategyOf(MemoryOneVector{{0.0, 0.0, 0.0, 1.0}, 0.5}) {}
};

/// Defects only after mutual cooperation: (0, 1, 1, 1). [Berg2015]
class Hopeless final : public StrategyOf<Hopeless, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "Hopeless",
      .name = "Hopeless",
      .aliases = "",
      .summary = "Random first move; defect only after mutual cooperation.",
      .cite = "Berg2015",
      .memory_depth = 1,
      .stochastic = true};
  Hopeless() : StrategyOf(MemoryOneVector{{0.0, 1.0, 1.0, 1.0}, 0.5}) {}
};

/// Defects only after mutual defection: (1, 1, 1, 0). [Berg2015]
class Willing final : public StrategyOf<Willing, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "Willing",
      .name = "Willing",
      .aliases = "",
      .summary = "Random first move; defect only after mutual defection.",
      .cite = "Berg2015",
      .memory_depth = 1,
      .stochastic = true};
  Willing() : StrategyOf(MemoryOneVector{{1.0, 1.0, 1.0, 0.0}, 0.5}) {}
};

}  // namespace kindest::strategies
