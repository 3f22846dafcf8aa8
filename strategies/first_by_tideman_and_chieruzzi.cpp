#include "strategies/first_by_tideman_and_chieruzzi.hpp"

#include <cmath>

namespace kindest::strategies {

bool FirstByTidemanAndChieruzzi::fresh_start_due(const History& own,
                                                 const History& opponent) const {
  const std::size_t move_number = own.size() + 1;
  if (last_fresh_start_ != 0 && move_number - last_fresh_start_ < 20) return false;
  if (score_ - opponent_score_ < 10 || opponent.back() != Action::C) return false;
  const auto remaining = turns_after_this(own);
  if (remaining && *remaining < 10) return false;
  // Binomial(N, 1/2): mean N/2, standard deviation sqrt(N)/2.
  const auto n = static_cast<double>(opponent.size());
  const double spread = 3.0 * std::sqrt(n) / 2.0;
  const auto defections = static_cast<double>(remembered_defections_);
  return defections <= n / 2 - spread || defections >= n / 2 + spread;
}

Action FirstByTidemanAndChieruzzi::move(const History& own, const History& opponent, Stream& rng) {
  // The rule runs on the last two moves too (its state does not matter after them), as the
  // Axelrod library's FinalTransformer does; only the move played is replaced.
  const Action rule = rule_move(own, opponent, rng);
  return among_last_moves(own, 2) ? Action::D : rule;
}

Action FirstByTidemanAndChieruzzi::rule_move(const History& own, const History& opponent, Stream&) {
  if (opponent.empty()) return Action::C;
  remembered_defections_ += opponent.back() == Action::D;
  const auto& game = match_attributes();
  score_ += game.payoff(own.back(), opponent.back());
  opponent_score_ += game.payoff(opponent.back(), own.back());

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
