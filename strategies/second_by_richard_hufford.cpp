#include "strategies/second_by_richard_hufford.hpp"

#include <cmath>

namespace kindest::strategies {

Action SecondByRichardHufford::move(const History& own, const History& opponent, Stream&) {
  const auto turn = static_cast<std::int64_t>(own.size()) + 1;
  if (turn == 1) return Action::C;

  last_four_at_ = (last_four_at_ + 1) % last_four_.size();
  const Action own_two_back = turn > 2 ? own.back(2) : Action::C;
  const bool agreed = own_two_back == opponent.back();
  agreements_ += agreed;
  last_four_[last_four_at_] = agreed;

  if (turn < probe_turn_) {
    streak_ = opponent.back() == Action::C ? streak_ + 1 : 0;
    if (streak_ >= streak_needed_) {
      probe_turn_ = turn;
      if (streak_ == streak_needed_) return Action::D;
    }
  } else if (turn == probe_turn_ + 2) {
    probe_turn_ = never;
    ++(opponent.back() == Action::C ? probes_answered_c_ : probes_answered_d_);
    streak_needed_ =
        static_cast<std::int64_t>(std::floor(20.0 * static_cast<double>(probes_answered_d_) /
                                             static_cast<double>(probes_answered_c_))) +
        1;
    streak_ = 0;
    return Action::C;
  }

  const double agree_share = static_cast<double>(agreements_) / static_cast<double>(turn);
  const int recent = last_four_[0] + last_four_[1] + last_four_[2] + last_four_[3];
  if (agree_share > 0.9 && recent >= 4) return Action::C;
  if (agree_share >= 0.625 && recent >= 2) return opponent.back();
  return Action::D;
}

}  // namespace kindest::strategies
