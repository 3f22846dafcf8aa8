#pragma once
#include <memory>
#include <string_view>

#include "strategies/memory_one.hpp"

namespace kindest::strategies {

/// The payoffs a zero-determinant rule is tuned to; strategies otherwise know no payoffs.
struct ZdGame {
  double R = 3, S = 0, T = 5, P = 1;
};

/// An extortionate zero-determinant rule (Press and Dyson): the memory-one vector
///   p1 = 1 - phi (chi-1)(R-P)/(P-S),  p2 = 1 - phi (1 + chi (T-P)/(P-S)),
///   p3 = phi (chi + (T-P)/(P-S)),     p4 = 0,
/// enforces s_X - P = chi (s_Y - P) against every opponent. chi >= 1 is the extortion factor;
/// phi > 0 only scales how fast play responds, and must keep every p in [0, 1].
/// Family: ZeroDeterminant(chi,phi[,R,S,T,P]). Names: ZD extortion [Press2012].
class ZeroDeterminant : public StrategyOf<ZeroDeterminant, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "ZeroDeterminant",
      .name = "Zero Determinant",
      .aliases = "",
      .summary = "Extortionate ZD rule enforcing s_X - P = chi (s_Y - P).",
      .cite = "Press2012",
      .memory_depth = 1,
      .stochastic = true};
  static constexpr std::string_view syntax =
      "ZeroDeterminant(chi,phi[,R,S,T,P])  chi >= 1, 0 < phi <= a bound set by chi and the game "
      "(default (R,S,T,P) = (3,0,5,1)); numbers may be fractions, e.g. ZeroDeterminant(3,1/26)";

  /// Throws StrategyError naming the allowed range when chi, phi or the game are invalid.
  ZeroDeterminant(double chi, double phi, const ZdGame& game = {});
  static std::unique_ptr<Strategy> parse(std::string_view args);
  /// The largest phi that keeps all four probabilities in [0, 1].
  static double max_phi(double chi, const ZdGame& game);
};

/// Extort-2: chi = 2, phi = 1/18, vector (8/9, 1/2, 1/3, 0). Names: ZD-Extort-2 [Stewart2012].
class ZDExtort2 final : public StrategyOf<ZDExtort2, ZeroDeterminant> {
 public:
  static constexpr StrategyInfo info{
      .id = "ZDExtort2",
      .name = "ZD-Extort-2",
      .aliases = "",
      .summary = "Extortionate ZD rule with chi = 2: (8/9, 1/2, 1/3, 0).",
      .cite = "Stewart2012",
      .memory_depth = 1,
      .stochastic = true};
  ZDExtort2() : StrategyOf(2.0, 1.0 / 18.0) {}
};

/// Extort-3: chi = 3, phi = 1/26, vector (11/13, 1/2, 7/26, 0). Names: ZD-Extort-3 [Press2012].
class ZDExtort3 final : public StrategyOf<ZDExtort3, ZeroDeterminant> {
 public:
  static constexpr StrategyInfo info{
      .id = "ZDExtort3",
      .name = "ZD-Extort-3",
      .aliases = "",
      .summary = "Extortionate ZD rule with chi = 3: (11/13, 1/2, 7/26, 0).",
      .cite = "Press2012",
      .memory_depth = 1,
      .stochastic = true};
  ZDExtort3() : StrategyOf(3.0, 1.0 / 26.0) {}
};

/// Extort-4: chi = 4 at the largest phi, 1/17, so it never forgives a sucker's payoff:
/// vector (11/17, 0, 8/17, 0). Names: ZD-Extort-4 [Stewart2012].
class ZDExtort4 final : public StrategyOf<ZDExtort4, ZeroDeterminant> {
 public:
  static constexpr StrategyInfo info{
      .id = "ZDExtort4",
      .name = "ZD-Extort-4",
      .aliases = "",
      .summary = "Extortionate ZD rule with chi = 4: (11/17, 0, 8/17, 0).",
      .cite = "Stewart2012",
      .memory_depth = 1,
      .stochastic = true};
  ZDExtort4() : StrategyOf(4.0, 1.0 / 17.0) {}
};

/// ZD-GTFT-2, a generous zero-determinant rule: its baseline is R, not P, so it falls outside
/// the extortion formula above and is given as its vector (1, 1/8, 1, 1/4); it enforces
/// s_X - R = 2 (s_Y - R). Names: ZD-GTFT-2 [Stewart2012].
class ZDGTFT2 final : public StrategyOf<ZDGTFT2, MemoryOne> {
 public:
  static constexpr StrategyInfo info{.id = "ZDGTFT2",
                                     .name = "ZD-GTFT-2",
                                     .aliases = "",
                                     .summary = "Generous ZD rule (1, 1/8, 1, 1/4).",
                                     .cite = "Stewart2012",
                                     .memory_depth = 1,
                                     .stochastic = true};
  ZDGTFT2() : StrategyOf(MemoryOneVector{{1.0, 1.0 / 8.0, 1.0, 1.0 / 4.0}, 1.0}) {}
};

// The Axelrod library's linear-relation rules, as their vectors for (R,S,T,P) = (3,0,5,1)
// (the library recomputes them for other games; Kindest's named ZD rules are tuned to this one).

/// EXTORT2 of Kuhn's survey: s_X - P = 2 (s_Y - P), responding faster than Extort-2. [Kuhn2017]
class ZDExtort2v2 final : public StrategyOf<ZDExtort2v2, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "ZDExtort2v2",
      .name = "ZD-Extort-2 v2",
      .aliases = "",
      .summary = "Extortionate ZD rule with chi = 2: (7/8, 7/16, 3/8, 0).",
      .cite = "Kuhn2017",
      .memory_depth = 1,
      .stochastic = true};
  ZDExtort2v2() : StrategyOf(MemoryOneVector{{7.0 / 8.0, 7.0 / 16.0, 3.0 / 8.0, 0.0}, 1.0}) {}
};

/// Roemheld's extortioner: s_X - P = 10 (s_Y - P). [Roemheld2013]
class ZDExtortion final : public StrategyOf<ZDExtortion, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "ZDExtortion",
      .name = "ZD-Extortion",
      .aliases = "",
      .summary = "Extortionate ZD rule with chi = 10: (16/25, 9/50, 7/25, 0).",
      .cite = "Roemheld2013",
      .memory_depth = 1,
      .stochastic = true};
  ZDExtortion() : StrategyOf(MemoryOneVector{{16.0 / 25.0, 9.0 / 50.0, 7.0 / 25.0, 0.0}, 1.0}) {}
};

/// GEN2 of Kuhn's survey: generous, s_X - R = 2 (s_Y - R), so it never out-scores its opponent.
/// [Kuhn2017]
class ZDGen2 final : public StrategyOf<ZDGen2, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "ZDGen2",
      .name = "ZD-GEN-2",
      .aliases = "",
      .summary = "Generous ZD rule (1, 9/16, 1/2, 1/8): s_X - R = 2 (s_Y - R).",
      .cite = "Kuhn2017",
      .memory_depth = 1,
      .stochastic = true};
  ZDGen2() : StrategyOf(MemoryOneVector{{1.0, 9.0 / 16.0, 1.0 / 2.0, 1.0 / 8.0}, 1.0}) {}
};

/// Roemheld's mischief rule: pins the opponent's long-run score at P whatever it does.
/// [Roemheld2013]
class ZDMischief final : public StrategyOf<ZDMischief, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "ZDMischief",
      .name = "ZD-Mischief",
      .aliases = "",
      .summary = "Equaliser ZD rule (4/5, 3/5, 1/10, 0): the opponent scores P.",
      .cite = "Roemheld2013",
      .memory_depth = 1,
      .stochastic = true};
  ZDMischief() : StrategyOf(MemoryOneVector{{4.0 / 5.0, 3.0 / 5.0, 1.0 / 10.0, 0.0}, 1.0}) {}
};

/// SET2 of Kuhn's survey: pins the opponent's long-run score at 2 whatever it does. [Kuhn2017]
class ZDSet2 final : public StrategyOf<ZDSet2, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "ZDSet2",
      .name = "ZD-SET-2",
      .aliases = "",
      .summary = "Equaliser ZD rule (3/4, 1/4, 1/2, 1/4): the opponent scores 2.",
      .cite = "Kuhn2017",
      .memory_depth = 1,
      .stochastic = true};
  ZDSet2() : StrategyOf(MemoryOneVector{{3.0 / 4.0, 1.0 / 4.0, 1.0 / 2.0, 1.0 / 4.0}, 1.0}) {}
};

}  // namespace kindest::strategies
