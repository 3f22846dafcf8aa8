#pragma once
#include <array>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat that checks its own score (the match's payoffs) at moves 11, 21, 31, 41, 51 and
/// 101 and defects for the rest of the match if it is below 23, 53, 83, 113, 143 or 293
/// respectively (a little under 3 points per move). Jim Graaskamp and Ken Katzen's entry
/// (K60R), 6th in Axelrod's second tournament [Axelrod1980b]. The thresholds are the entry's
/// and do not scale with the game.
class SecondByGraaskampKatzen final : public StrategyOf<SecondByGraaskampKatzen> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByGraaskampKatzen",
      .name = "Second by GraaskampKatzen",
      .aliases = "K60R",
      .summary = "TFT; defect for good if own score is low at move 11, 21, 31, 41, 51 or 101.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false,
      .uses_game = true};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (defecting_) return Action::D;
    if (own.empty()) return Action::C;
    score_ += match_attributes().payoff(own.back(), opponent.back());
    constexpr std::array<std::pair<std::size_t, double>, 6> checks = {
        {{11, 23}, {21, 53}, {31, 83}, {41, 113}, {51, 143}, {101, 293}}};
    const std::size_t turn = own.size() + 1;
    for (const auto& [at, needed] : checks)
      if (turn == at && score_ < needed) defecting_ = true;
    return defecting_ ? Action::D : opponent.back();
  }

 private:
  double score_ = 0;  // own payoff over the turns played
  bool defecting_ = false;
};

}  // namespace kindest::strategies
