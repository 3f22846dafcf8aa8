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

}  // namespace kindest::strategies
