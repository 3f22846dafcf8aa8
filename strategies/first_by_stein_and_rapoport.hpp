#pragma once
#include "engine/core/strategy.hpp"
#include "strategies/fair_coin_test.hpp"

namespace kindest::strategies {

/// Cooperates on the first four moves, then plays tit for tat, except that from move 15 on it
/// defects while the opponent "seems random": every 15 moves it re-tests the opponent's
/// cooperation count against a fair coin (chi-squared, 5% level). William Stein and Amnon
/// Rapoport's entry, 6th in Axelrod's first tournament [Axelrod1980]; the test is the Axelrod
/// library's reading. Defects on the last two moves of a match of known length; in a match of
/// unknown (random) length there is no end game, as in the library.
class FirstBySteinAndRapoport final : public StrategyOf<FirstBySteinAndRapoport> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstBySteinAndRapoport",
      .name = "First by Stein and Rapoport",
      .aliases = "SteinAndRapoport",
      .summary = "Tit for tat, D against opponents that look random and on the last 2 moves.",
      .cite = "Axelrod1980",
      .memory_depth = -1,
      .stochastic = false,
      .uses_length = true};
  Action move(const History& own, const History& opponent, Stream&) override {
    // The rule runs on the last two moves too, as the library's FinalTransformer does.
    const Action rule = rule_move(own, opponent);
    return among_last_moves(own, 2) ? Action::D : rule;
  }

 private:
  Action rule_move(const History& own, const History& opponent) {
    const std::size_t move_number = own.size() + 1;
    if (move_number < 5) return Action::C;
    if (move_number < 15) return opponent.back();
    if (move_number % 15 == 0) opponent_random_ = looks_like_fair_coin(opponent, 0.05);
    return opponent_random_ ? Action::D : opponent.back();
  }

  bool opponent_random_ = false;
};

}  // namespace kindest::strategies
