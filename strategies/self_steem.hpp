#pragma once
#include <array>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Its mood follows f = sin(2 pi n / 10), n the number of moves played: defects when
/// f > 0.95, plays tit for tat when 0.3 < |f| < 0.95, tosses a fair coin when |f| < 0.3 and
/// cooperates when f < -0.95. With period 10 in n that is, for n mod 10 = 0 .. 9:
/// coin, TFT, D, D, TFT, coin, TFT, C, C, TFT (|sin 72 deg| = 0.951 > 0.95). The source also
/// shifts the curve after a defection but says too little to implement; the Axelrod library
/// leaves it out too. [Andre2013]
class SelfSteem final : public StrategyOf<SelfSteem> {
 public:
  static constexpr StrategyInfo info{
      .id = "SelfSteem",
      .name = "SelfSteem",
      .aliases = "",
      .summary = "Cycle of 10 moves by sin(2 pi n/10): coin, TFT, D, D, TFT, coin, TFT, C, C, TFT.",
      .cite = "Andre2013",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    switch (kMood[own.size() % 10]) {
      case Mood::coin:
        return rng.bernoulli(0.5) ? Action::C : Action::D;
      case Mood::tit_for_tat:
        return opponent.back();
      case Mood::defect:
        return Action::D;
      case Mood::cooperate:
        break;
    }
    return Action::C;
  }

 private:
  enum class Mood { coin, tit_for_tat, defect, cooperate };
  static constexpr std::array<Mood, 10> kMood = {
      Mood::coin, Mood::tit_for_tat, Mood::defect,    Mood::defect,    Mood::tit_for_tat,
      Mood::coin, Mood::tit_for_tat, Mood::cooperate, Mood::cooperate, Mood::tit_for_tat};
};

}  // namespace kindest::strategies
