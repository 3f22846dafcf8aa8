#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat for 50 moves, a defection on move 51, five more moves of tit for tat; then it
/// defects for good once the opponent's moves look like a fair coin (chi-squared, 5% level),
/// plays tit for tat if the opponent has been playing tit for tat or is its twin, and otherwise
/// cooperates but defects once every 5 to 14 moves (uniform; the library's reading of "5 to
/// 15"). James Graaskamp's entry, 9th in Axelrod's first tournament [Axelrod1980]. As in the
/// Axelrod library, "tit for tat" means the opponent has always copied this player's previous move
/// and "twin" means identical histories; the description's check for ANALOGY, a program nobody has
/// described, is not attempted.
class FirstByGraaskamp final : public StrategyOf<FirstByGraaskamp> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByGraaskamp",
      .name = "First by Graaskamp",
      .aliases = "Graaskamp",
      .summary = "Tit for tat with a probe at move 51, then exploit or mirror.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override;

 private:
  std::size_t next_defection_ = 0;  // own.size() at the next scheduled defection; 0 = unset
  bool opponent_random_ = false;
};

}  // namespace kindest::strategies
