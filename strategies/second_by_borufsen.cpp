#include "strategies/second_by_borufsen.hpp"

namespace kindest::strategies {

Action SecondByBorufsen::tit_for_tat(Action opponent_last) {
  if (opponent_last == Action::C) return Action::C;
  if (flip_next_defection_) {
    flip_next_defection_ = false;
    return Action::C;
  }
  return Action::D;
}

Action SecondByBorufsen::move(const History& own, const History& opponent, Stream&) {
  const std::size_t turn = own.size() + 1;
  if (turn == 1) return Action::C;
  if (turn >= 3 && opponent.back() == Action::C)
    ++(own.back(2) == Action::C ? answered_c_ : answered_d_);

  if (turn > 2 && turn % 25 == 2) {  // moves 27, 52, 77, ...
    const bool was_defecting = defect_mode_;
    const std::int64_t cooperations = answered_c_ + answered_d_;
    const bool defector = cooperations < 3;
    // answered_c_ / cooperations < 0.7, in integers.
    const bool random =
        cooperations >= 8 && cooperations <= 17 && 10 * answered_c_ < 7 * cooperations;
    defect_mode_ = defector || random;
    answered_c_ = answered_d_ = 0;
    if (defect_mode_) {
      mutual_defections_ = echoes_ = 0;
      flip_next_defection_ = false;
    } else if (was_defecting) {
      return Action::D;
    }
  }
  if (defect_mode_) return Action::D;

  if (own.back() == Action::D && opponent.back() == Action::D)
    ++mutual_defections_;
  else
    mutual_defections_ = 0;
  if (mutual_defections_ >= 3) {
    mutual_defections_ = echoes_ = 0;
    return Action::C;
  }
  // Two turns back counts as C on the second move, as in the Fortran.
  const Action own_two_back = turn >= 3 ? own.back(2) : Action::C;
  const Action opponent_two_back = turn >= 3 ? opponent.back(2) : Action::C;
  if (own.back() != opponent.back() && own.back() == opponent_two_back &&
      opponent.back() == own_two_back)
    ++echoes_;
  else
    echoes_ = 0;
  if (echoes_ >= 3) {
    mutual_defections_ = echoes_ = 0;
    flip_next_defection_ = true;
  }
  return tit_for_tat(opponent.back());
}

}  // namespace kindest::strategies
