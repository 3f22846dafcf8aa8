#pragma once
#include "engine/core/strategy.hpp"
#include "strategies/fair_coin_test.hpp"

namespace kindest::strategies {

/// Cooperates on the first four moves, then plays tit for tat, except that from move 15 on it
/// defects while the opponent "seems random": every 15 moves it re-tests the opponent's
/// cooperation count against a fair coin (chi-squared, 5% level). William Stein and Amnon
/// Rapoport's entry, 6th in Axelrod's first tournament [Axelrod1980]; the test is the Axelrod
/// library's reading. The rule also defects on the last two moves, which needs the match length:
/// strategies do not see it, so (as the Axelrod library does when the length is unknown) that
/// end-game clause is not applied.
class FirstBySteinAndRapoport final : public StrategyOf<FirstBySteinAndRapoport> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstBySteinAndRapoport",
      .name = "First by Stein and Rapoport",
      .aliases = "",
      .summary = "Tit for tat that defects against opponents that look random.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t move_number = own.size() + 1;
    if (move_number < 5) return Action::C;
    if (move_number < 15) return opponent.back();
    if (move_number % 15 == 0) opponent_random_ = looks_like_fair_coin(opponent, 0.05);
    return opponent_random_ ? Action::D : opponent.back();
  }

 private:
  bool opponent_random_ = false;
};

}  // namespace kindest::strategies
