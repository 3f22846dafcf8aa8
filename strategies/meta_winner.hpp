#pragma once
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/strategy.hpp"
#include "strategies/team.hpp"

namespace kindest::strategies {

/// Plays what the best-scoring member of its team proposes (C if any of the tied best proposes
/// C), each member scored as if its proposals had been played against the real opponent, with
/// the match's payoffs. Karol Langner's Meta Winner in the Axelrod library [Knight2016]; the
/// base of named teams (the library's own Meta Winner, on every ordinary strategy stochastic
/// ones included, is not one of them).
class MetaWinner : public Strategy {
 public:
  /// `team` must not be empty.
  explicit MetaWinner(Team team) : team_(std::move(team)), scores_(team_.size(), 0.0) {}
  Action move(const History& own, const History& opponent, Stream& rng) override;

 private:
  Team team_;
  std::vector<double> scores_;  // each member's total payoff so far
};

/// Meta Winner on the Axelrod library's (v4.13.0) team for its Meta Winner Deterministic: every
/// deterministic strategy of the library that is not a meta player and obeys Axelrod's rules
/// (no source inspection), 149 strategies, all in Kindest's registry under the same ids
/// (`team`). A fixed list, not "every deterministic strategy registered", so the strategy stays
/// the library's when Kindest gains strategies the library lacks. Its members are told the
/// match's length, but none that reads it leads at the end against any deterministic strategy
/// in the registry or the registry contract test's opponents, so the length changes no move
/// there and it is declared as reading only the game (the library's classifier, which merges
/// its members', says both). Original to the Axelrod library (Marc Harper) [Knight2016].
class MetaWinnerDeterministic final : public StrategyOf<MetaWinnerDeterministic, MetaWinner> {
 public:
  static constexpr StrategyInfo info{
      .id = "MetaWinnerDeterministic",
      .name = "Meta Winner Deterministic",
      .aliases = "",
      .summary = "Play the proposal of the best scorer in a team of 149 deterministic rules.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false,
      .uses_game = true};
  /// The registry ids of the team.
  static std::span<const std::string_view> team();

  MetaWinnerDeterministic();
};

}  // namespace kindest::strategies
