#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates, and every sixth move checks its score so far (the match's payoffs) divided by the
/// move number. Below 2.5 per move it gains distrust: 5 points under 1, 3 under 1.5, 2 under 2,
/// 1 under 2.5; it then plays D, C, D, or defects for good once distrust reaches 7. Every 18th
/// move, distrust of 3 or more wears off by one. Glen Rowsam's entry (K58R), 21st in Axelrod's
/// second tournament [Axelrod1980b].
class SecondByRowsam final : public StrategyOf<SecondByRowsam> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByRowsam",
      .name = "Second by Rowsam",
      .aliases = "K58R",
      .summary =
          "C; every 6th move a low score per move adds distrust: D, C, D, or D forever at 7.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false,
      .uses_game = true};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t turn = own.size() + 1;
    if (!own.empty()) score_ += match_attributes().payoff(own.back(), opponent.back());
    switch (mode_) {
      case Mode::defect:
        return Action::D;
      case Mode::cycle_c:
        mode_ = Mode::cycle_d;
        return Action::C;
      case Mode::cycle_d:
        mode_ = Mode::normal;
        return Action::D;
      case Mode::normal:
        break;
    }
    if (turn % 18 == 0 && distrust_ >= 3) --distrust_;
    if (turn % 6 != 0) return Action::C;
    // The entry divides by the move number, one more than the turns scored.
    const double per_move = score_ / static_cast<double>(turn);
    if (per_move >= 2.5) return Action::C;
    distrust_ += per_move < 1.0 ? 5 : per_move < 1.5 ? 3 : per_move < 2.0 ? 2 : 1;
    mode_ = distrust_ >= 7 ? Mode::defect : Mode::cycle_c;
    return Action::D;
  }

 private:
  enum class Mode { normal, cycle_c, cycle_d, defect };
  Mode mode_ = Mode::normal;
  int distrust_ = 0;
  double score_ = 0;  // own payoff over the turns played
};

}  // namespace kindest::strategies
