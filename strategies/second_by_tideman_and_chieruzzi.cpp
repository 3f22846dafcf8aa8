#include "strategies/second_by_tideman_and_chieruzzi.hpp"

#include <cmath>

namespace kindest::strategies {

Action SecondByTidemanAndChieruzzi::move(const History& own, const History& opponent, Stream&) {
  const std::size_t turn = own.size() + 1;
  if (turn == 1) return Action::C;
  score_ += match_attributes().payoff(own.back(), opponent.back());
  opponent_score_ += match_attributes().payoff(opponent.back(), own.back());

  if (second_fresh_cooperation_) {
    score_ = opponent_score_ = margin_ = margin_step_ = 0;
    last_fresh_start_ = turn;
    second_fresh_cooperation_ = false;
    return Action::C;
  }
  // Before the second move the opponent's "move two turns ago" counts as C.
  const Action two_ago = opponent.size() >= 2 ? opponent.back(2) : Action::C;
  const bool c_then_d = two_ago == Action::C && opponent.back() == Action::D;
  if (c_then_d) {
    margin_ += margin_step_;
    margin_step_ += 5;
  }
  if (score_ - opponent_score_ >= margin_) return Action::C;

  if (!c_then_d && turn - last_fresh_start_ >= 10) {
    // Three standard deviations of a fair coin's defection count over the opponent's moves.
    const auto n = static_cast<double>(opponent.size());
    const double deviation = std::sqrt(n) / 2;
    const auto defections = static_cast<double>(opponent.defections());
    if (defections <= n / 2 - 3 * deviation || defections >= n / 2 + 3 * deviation) {
      second_fresh_cooperation_ = true;
      return Action::C;
    }
  }
  return Action::D;
}

}  // namespace kindest::strategies
