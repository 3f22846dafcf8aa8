#include "strategies/second_by_weiner.hpp"

#include <numeric>

namespace kindest::strategies {

Action SecondByWeiner::move(const History& own, const History& opponent, Stream&) {
  if (opponent.empty()) return Action::C;
  // The window lags one turn behind: the original updated it after deciding.
  if (opponent.size() >= 2) {
    window_[window_at_] = opponent.back(2) == Action::D;
    window_at_ = (window_at_ + 1) % window_.size();
  }
  Action wanted = opponent.back();
  if (forgive_) {
    forgive_ = false;
    defect_run_ = 0;
    if (grudge_ < static_cast<std::int64_t>(own.size()) + 1 && opponent.back() == Action::D) {
      grudge_ += 20;
      wanted = Action::C;
    }
  } else if (opponent.back() == Action::D) {
    ++defect_run_;
  } else {
    forgive_ = defect_run_ % 2 == 1;
    defect_run_ = 0;
  }
  return std::accumulate(window_.begin(), window_.end(), 0) >= 5 ? Action::D : wanted;
}

}  // namespace kindest::strategies
