#include "strategies/second_by_tranquilizer.hpp"

#include <array>

namespace kindest::strategies {

Action SecondByTranquilizer::move(const History& own, const History& opponent, Stream& rng) {
  if (own.empty()) return Action::C;
  const int o = opponent.back() == Action::D;
  const int m = own.back() == Action::D;
  constexpr std::array<std::int64_t, 4> payoff = {3, 0, 5, 1};             // CC, CD, DC, DD
  const std::int64_t round = payoff[static_cast<std::size_t>(2 * m + o)];  // own payoff
  own_score_ += round;
  opponent_score_ += payoff[static_cast<std::size_t>(2 * o + m)];
  opponent_defect_run_ = o ? opponent_defect_run_ + 1 : 0;
  if (after_good_defection_ == 2) {
    after_good_defection_ = 0;
    two_after_ = (two_after_ * static_cast<double>(two_after_count_) + static_cast<double>(round)) /
                 static_cast<double>(two_after_count_ + 1);
    ++two_after_count_;
  } else if (after_good_defection_ == 1) {
    after_good_defection_ = 2;
    one_after_ = (one_after_ * static_cast<double>(one_after_count_) + static_cast<double>(round)) /
                 static_cast<double>(one_after_count_ + 1);
    ++one_after_count_;
  }
  if (after_good_defection_ != 0) return Action::C;

  const auto move_number = static_cast<double>(own.size() + 1);
  const double per_move = static_cast<double>(own_score_) / move_number;
  if (per_move >= 2.25) {
    const double p =
        (0.95 - (one_after_ + two_after_ - 5) / 15) + 1 / (move_number * move_number) - o / 4.0;
    if (rng.uniform() <= p) return Action::C;
    after_good_defection_ = 1;
    return Action::D;
  }
  if (per_move >= 1.75) {
    const double p = (0.25 + static_cast<double>(opponent.cooperations() + 1) / move_number) -
                     static_cast<double>(opponent_defect_run_) * 0.25 +
                     static_cast<double>(own_score_ - opponent_score_) / 100 + 4 / move_number;
    return rng.uniform() <= p ? Action::C : Action::D;
  }
  return opponent.back();
}

}  // namespace kindest::strategies
