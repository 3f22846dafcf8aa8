#pragma once
// Adaptive Pavlov: classify the opponent every six moves from its last six, and play a reply
// fitted to the class.
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

namespace detail {
/// The opponent's last six moves as "CDCDCD" (oldest first); requires six moves.
inline bool last_six_are(const History& opponent, const char* pattern) {
  for (std::size_t k = 0; k < 6; ++k)
    if (to_char(opponent[opponent.size() - 6 + k]) != pattern[k]) return false;
  return true;
}
inline int defections_in_last_six(const History& opponent) {
  int d = 0;
  for (std::size_t k = 1; k <= 6; ++k) d += opponent.back(k) == Action::D;
  return d;
}
}  // namespace detail

/// Tit for tat for six moves; then on every sixth move it classifies the opponent by its last
/// six moves: all C = cooperative (answered by tit for tat), all D = ALLD, DCDCDC = suspicious
/// TFT (C on the first two moves of each six, then tit for tat), DDCDDC = Pavlov-like (D on
/// the first of each six, else C), otherwise random on the first check (the class is kept
/// until another pattern matches); ALLD and random get defections. Li (2007) [Li2007].
class APavlov2006 final : public StrategyOf<APavlov2006> {
 public:
  static constexpr StrategyInfo info{
      .id = "APavlov2006",
      .name = "Adaptive Pavlov 2006",
      .aliases = "",
      .summary =
          "TFT for 6 moves; every 6 classify the opponent (C, D, STFT, Pavlov, random), reply.",
      .cite = "Li2007",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t n = own.size();
    if (n < 6) return !opponent.empty() && opponent.back() == Action::D ? Action::D : Action::C;
    if (n % 6 == 0) {
      if (detail::last_six_are(opponent, "CCCCCC")) kind_ = Kind::cooperative;
      if (detail::last_six_are(opponent, "DDDDDD")) kind_ = Kind::all_d;
      if (detail::last_six_are(opponent, "DCDCDC")) kind_ = Kind::suspicious_tft;
      if (detail::last_six_are(opponent, "DDCDDC")) kind_ = Kind::pavlov_d;
      if (kind_ == Kind::unknown) kind_ = Kind::random;
    }
    switch (kind_) {
      case Kind::random:
      case Kind::all_d:
        return Action::D;
      case Kind::suspicious_tft:
        if (n % 6 <= 1) return Action::C;
        return opponent.back();
      case Kind::pavlov_d:
        return n % 6 == 0 ? Action::D : Action::C;
      case Kind::cooperative:
        return opponent.back();
      case Kind::unknown:
        break;
    }
    return Action::C;
  }

 private:
  enum class Kind { unknown, cooperative, all_d, suspicious_tft, pavlov_d, random };
  Kind kind_ = Kind::unknown;
};

/// Tit for tat for six moves; then on every sixth move it classifies the opponent by its last
/// six moves: all C = cooperative (tit for tat), 4 or more D = ALLD (defect), exactly 3 D =
/// suspicious TFT (defect only after two opponent D in a row), otherwise random on the first
/// check (defect); the class is kept until another pattern matches. Li, Hingston & Kendall
/// (2011) [LiKendall2011].
class APavlov2011 final : public StrategyOf<APavlov2011> {
 public:
  static constexpr StrategyInfo info{
      .id = "APavlov2011",
      .name = "Adaptive Pavlov 2011",
      .aliases = "",
      .summary = "TFT for 6 moves; every 6 classify the opponent by its D count, reply.",
      .cite = "LiKendall2011",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t n = own.size();
    if (n < 6) return !opponent.empty() && opponent.back() == Action::D ? Action::D : Action::C;
    if (n % 6 == 0) {
      const int d = detail::defections_in_last_six(opponent);
      if (d == 0) kind_ = Kind::cooperative;
      if (d >= 4) kind_ = Kind::all_d;
      if (d == 3) kind_ = Kind::suspicious_tft;
      if (kind_ == Kind::unknown) kind_ = Kind::random;
    }
    switch (kind_) {
      case Kind::random:
      case Kind::all_d:
        return Action::D;
      case Kind::suspicious_tft:
        return opponent.back() == Action::D && opponent.back(2) == Action::D ? Action::D
                                                                             : Action::C;
      case Kind::cooperative:
        return opponent.back();
      case Kind::unknown:
        break;
    }
    return Action::C;
  }

 private:
  enum class Kind { unknown, cooperative, all_d, suspicious_tft, random };
  Kind kind_ = Kind::unknown;
};

}  // namespace kindest::strategies
