#include "strategies/second_by_harrington.hpp"

namespace kindest::strategies {

Action SecondByHarrington::done(Action a, bool lower_flags, bool count_parity) {
  // As the library: a cooperation uses up a scheduled one and ages the last generous move
  // (only then); some defections advance the current parity count.
  if (lower_flags && a == Action::C) {
    --more_coop_;
    ++last_generous_ago_;
  }
  if (count_parity && a == Action::D) ++parity_streak_[parity_bit_];
  return a;
}

bool SecondByHarrington::looks_random(std::int64_t turn) const {
  const auto denom = static_cast<double>(turn - 2);
  if (replies_[0][0] / denom >= 0.8) return false;
  const double defect_rate = static_cast<double>(recorded_defects_) / denom;
  if (defect_rate < 0.25 || defect_rate > 0.75) return false;
  // Pearson's statistic, leaving out cells expected at most once.
  std::array<double, 4> rows{};
  std::array<double, 2> columns{};
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 2; ++j) {
      rows[i] += replies_[i][j];
      columns[j] += replies_[i][j];
    }
  double chi_squared = 0;
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 2; ++j) {
      const double expected = rows[i] * columns[j] / denom;
      if (expected > 1.0)
        chi_squared += (expected - replies_[i][j]) * (expected - replies_[i][j]) / expected;
    }
  return chi_squared <= 3;
}

Action SecondByHarrington::move(const History& own, const History& opponent, Stream& rng) {
  const auto turn = static_cast<std::int64_t>(own.size()) + 1;
  if (turn == 1) return Action::C;
  const Action last = opponent.back();

  if (mode_ == Mode::defect) {
    exit_defect_meter_ += last == Action::D ? 1 : -3;
    if (exit_defect_meter_ >= 11) {
      mode_ = Mode::normal;
      was_defective_ = true;
      more_coop_ = 2;
      return done(Action::C, false);
    }
    return done(Action::D);
  }

  if (!was_defective_) {
    if (turn > 2) {
      recorded_defects_ += last == Action::D;
      const std::size_t row = 2 * (own.back(2) == Action::D) + (opponent.back(2) == Action::D);
      replies_[row][last == Action::D ? 1 : 0] += 1;
    }
    if (turn % 15 == 0 && turn > 15 && looks_random(turn)) {
      mode_ = Mode::defect;
      return done(Action::D, false);
    }
  }

  if (last_generous_ago_ == 2 && last == Action::D) burned_ = true;

  if (turn == 38 && last == Action::D && opponent.cooperations() == 36) {
    mode_ = Mode::fair_weather;
    return done(Action::C, false);
  }
  if (mode_ == Mode::fair_weather) {
    if (last == Action::C) return done(Action::C);
    mode_ = Mode::normal;  // and play this move as in normal mode
  }

  defect_streak_ = last == Action::D ? defect_streak_ + 1 : 0;
  if (defect_streak_ >= 20) return done(Action::D, true, true);

  parity_bit_ = 1 - parity_bit_;
  parity_streak_[parity_bit_] = last == Action::D ? parity_streak_[parity_bit_] + 1 : 0;
  if (parity_streak_[parity_bit_] >= parity_limit_) {
    parity_streak_[parity_bit_] = 0;
    if (++parity_hits_ >= 8) parity_limit_ = 3;
    return done(Action::C, true, true);
  }

  if (more_coop_ >= 1) return done(Action::C, true, true);
  if (turn < 37) return done(last, true, true);
  if (turn == 37) {
    more_coop_ = 2;
    last_generous_ago_ = 1;
    return done(Action::D, false);
  }
  if (burned_ || rng.uniform() > prob_) return done(last, true, true);
  prob_ += 0.05;
  more_coop_ = 2;
  last_generous_ago_ = 1;
  return done(Action::D, false);
}

}  // namespace kindest::strategies
