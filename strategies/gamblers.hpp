#pragma once
// Gamblers: lookup tables whose entries are probabilities to cooperate, played by the LookerUp
// family (a table of 0s and 1s is an ordinary LookerUp). Each table is in LookerUp's index
// order, which is the Axelrod library's pattern order (own plays, opponent plays, opponent
// openings; C before D); the opening moves are C.
#include "strategies/looker_up.hpp"

namespace kindest::strategies {

/// A 1-1-0 table (both last moves) trained by particle swarm optimisation against the Axelrod
/// library's short-run-time strategies: the memory-one rule (1, 0.522, 0, 0.121). Table from the
/// library, where it was trained [Harper2017].
class PSOGamblerMem1 final : public StrategyOf<PSOGamblerMem1, LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "PSOGamblerMem1",
      .name = "PSO Gambler Mem1",
      .aliases = "",
      .summary = "PSO-trained memory-one probabilities (1, 0.522, 0, 0.121).",
      .cite = "Harper2017",
      .memory_depth = 1,
      .stochastic = true};
  PSOGamblerMem1();
};

/// A 1-1-1 table (both last moves and the opponent's first move) trained by particle swarm
/// optimisation. Table from the Axelrod library, where it was trained [Harper2017].
class PSOGambler1_1_1 final : public StrategyOf<PSOGambler1_1_1, LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "PSOGambler1_1_1",
      .name = "PSO Gambler 1_1_1",
      .aliases = "",
      .summary = "PSO-trained probabilities on both last moves and the opponent's first move.",
      .cite = "Harper2017",
      .memory_depth = -1,
      .stochastic = true};
  PSOGambler1_1_1();
};

/// A 2-2-2 table (both players' last two moves and the opponent's first two) trained by
/// particle swarm optimisation. Table from the Axelrod library, where it was trained
/// [Harper2017].
class PSOGambler2_2_2 final : public StrategyOf<PSOGambler2_2_2, LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "PSOGambler2_2_2",
      .name = "PSO Gambler 2_2_2",
      .aliases = "",
      .summary = "PSO-trained probabilities on both last two moves and the opponent's first two.",
      .cite = "Harper2017",
      .memory_depth = -1,
      .stochastic = true};
  PSOGambler2_2_2();
};

/// PSOGambler2_2_2's shape trained in matches with noise 0.05. Table from the Axelrod library,
/// where it was trained [Harper2017].
class PSOGambler2_2_2_Noise05 final : public StrategyOf<PSOGambler2_2_2_Noise05, LookerUp> {
 public:
  static constexpr StrategyInfo info{.id = "PSOGambler2_2_2_Noise05",
                                     .name = "PSO Gambler 2_2_2 Noise 05",
                                     .aliases = "",
                                     .summary = "PSO Gambler 2_2_2 trained with noise 0.05.",
                                     .cite = "Harper2017",
                                     .memory_depth = -1,
                                     .stochastic = true};
  PSOGambler2_2_2_Noise05();
};

/// A memory-two zero-determinant rule: probabilities on both players' last two moves, opening
/// C, C. The vector is Li's [LiS2014], as the Axelrod library gives it.
class ZDMem2 final : public StrategyOf<ZDMem2, LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "ZDMem2",
      .name = "ZD-Mem2",
      .aliases = "",
      .summary = "Memory-two zero-determinant probabilities on both last two moves.",
      .cite = "LiS2014",
      .memory_depth = 2,
      .stochastic = true};
  ZDMem2();
};

}  // namespace kindest::strategies
