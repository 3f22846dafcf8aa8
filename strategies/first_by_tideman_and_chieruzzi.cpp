#include "strategies/first_by_tideman_and_chieruzzi.hpp"

#include <cmath>

namespace kindest::strategies {
namespace {

// Payoff to the row player, (R, S, T, P) = (3, 0, 5, 1).
constexpr std::int64_t payoff(Action own, Action other) {
  if (own == Action::C) return other == Action::C ? 3 : 0;
  return other == Action::C ? 5 : 1;
}

}  // namespace

bool FirstByTidemanAndChieruzzi::fresh_start_due(const History& own,
                                                 const History& opponent) const {
  const std::size_t move_number = own.size() + 1;
  if (last_fresh_start_ != 0 && move_number - last_fresh_start_ < 20) return false;
  if (score_ - opponent_score_ < 10 || opponent.back() != Action::C) return false;
  // Binomial(N, 1/2): mean N/2, standard deviation sqrt(N)/2.
  const auto n = static_cast<double>(opponent.size());
  const double spread = 3.0 * std::sqrt(n) / 2.0;
  const auto defections = static_cast<double>(remembered_defections_);
  return defections <= n / 2 - spread || defections >= n / 2 + spread;
}

Action FirstByTidemanAndChieruzzi::move(const History& own, const History& opponent, Stream&) {
  if (opponent.empty()) return Action::C;
  remembered_defections_ += opponent.back() == Action::D;
  score_ += payoff(own.back(), opponent.back());
  opponent_score_ += payoff(opponent.back(), own.back());

  if (second_fresh_cooperation_) {
    second_fresh_cooperation_ = false;
    return Action::C;
  }
  if (fresh_start_due(own, opponent)) {
    last_fresh_start_ = own.size() + 1;
    retaliation_length_ = 0;
    retaliation_remaining_ = 0;
    remembered_defections_ = 0;
    second_fresh_cooperation_ = true;
    return Action::C;
  }
  if (retaliation_remaining_ > 0) {
    --retaliation_remaining_;
    return Action::D;
  }
  if (opponent.back() == Action::D) {
    ++retaliation_length_;
    retaliation_remaining_ = retaliation_length_ - 1;
    return Action::D;
  }
  return Action::C;
}

}  // namespace kindest::strategies
