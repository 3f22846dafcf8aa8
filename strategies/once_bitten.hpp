#pragma once
// Grudgers that a single defection does not trigger.
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates until the opponent defects twice in a row, then defects for 11 moves (the
/// triggering move and a grudge of 10) before judging afresh. Original to the Axelrod library
/// (Holly Marissa) [Knight2016]. Memory depth unbounded, not the library's 12: grudges can
/// follow one another without a gap, and where the current one began is then older than any
/// fixed window.
class OnceBitten final : public StrategyOf<OnceBitten> {
 public:
  static constexpr StrategyInfo info{
      .id = "OnceBitten",
      .name = "Once Bitten",
      .aliases = "",
      .summary = "Cooperate; after two opponent D in a row defect for 11 moves.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (grudge_moves_ >= 10) {
      grudge_moves_ = 0;
      grudged_ = false;
    }
    if (opponent.size() < 2) return Action::C;
    if (grudged_) {
      ++grudge_moves_;
      return Action::D;
    }
    if (opponent.back() == Action::D && opponent.back(2) == Action::D) {
      grudged_ = true;
      return Action::D;
    }
    return Action::C;
  }

 private:
  bool grudged_ = false;
  int grudge_moves_ = 0;
};

/// Forgives one defection and defects for good after the second. Original to the Axelrod
/// library (Marc Harper) [Knight2016].
class FoolMeOnce final : public StrategyOf<FoolMeOnce> {
 public:
  static constexpr StrategyInfo info{.id = "FoolMeOnce",
                                     .name = "Fool Me Once",
                                     .aliases = "",
                                     .summary = "Forgive one defection; defect after the second.",
                                     .cite = "Knight2016",
                                     .memory_depth = -1,
                                     .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    return opponent.defections() > 1 ? Action::D : Action::C;
  }
};

}  // namespace kindest::strategies
