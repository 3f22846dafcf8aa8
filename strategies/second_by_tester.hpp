#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Defects on the first move to test the opponent. Once the opponent defects it apologises with a
/// cooperation and plays tit for tat for the rest of the match; until then it cooperates on moves
/// 2 and 3 and alternates D, C, D, ... from move 4. David Gladstein's TESTER, 46th in Axelrod's
/// second tournament [Axelrod1980b], as the Axelrod library's SecondByTester implements it.
class SecondByTester final : public StrategyOf<SecondByTester> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByTester",
      .name = "Second by Tester",
      .aliases = "Tester",
      .summary = "Open with D; alternate if unpunished, else apologise and play TFT.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (opponent.empty()) return Action::D;
    if (tit_for_tat_) return opponent.back();
    if (opponent.back() == Action::D) {
      tit_for_tat_ = true;
      return Action::C;
    }
    if (own.size() < 3) return Action::C;
    return flip(own.back());
  }

 private:
  bool tit_for_tat_ = false;
};

}  // namespace kindest::strategies
