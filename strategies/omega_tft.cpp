#include "strategies/omega_tft.hpp"

namespace kindest::strategies {

Action OmegaTFT::move(const History& own, const History& opponent, Stream&) {
  if (own.empty()) return Action::C;
  if (own.size() == 1) return opponent.back();

  if (deadlock_ >= kDeadlockThreshold) {
    // Two cooperations: the first moves the counter past the threshold, the second clears it.
    deadlock_ = deadlock_ == kDeadlockThreshold ? kDeadlockThreshold + 1 : 0;
    return Action::C;
  }
  const bool switched = opponent.back(2) != opponent.back();
  if (opponent.back(2) == Action::C && opponent.back() == Action::C) --randomness_;
  if (switched) ++randomness_;
  if (own.back() != opponent.back()) ++randomness_;
  if (randomness_ >= kRandomnessThreshold) return Action::D;
  deadlock_ = switched ? deadlock_ + 1 : 0;
  return opponent.back();
}

}  // namespace kindest::strategies
