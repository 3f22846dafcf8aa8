#pragma once
// Probers: open with a fixed test sequence, then exploit an opponent that did not retaliate or
// play a retaliating rule against one that did (Prober, Prober2 and Prober3 have their own
// files; these are the later members of the family).
#include <array>
#include <cstdlib>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Opens D, D, C, C; defects for good if the opponent cooperated on moves 2 and 3, otherwise
/// plays tit for tat. [Prison1998]
class HardProber final : public StrategyOf<HardProber> {
 public:
  static constexpr StrategyInfo info{
      .id = "HardProber",
      .name = "Hard Prober",
      .aliases = "",
      .summary = "Open D, D, C, C; exploit if the opponent cooperated on moves 2-3, else TFT.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t n = own.size();
    if (n < 4) return n < 2 ? Action::D : Action::C;
    if (opponent[1] == Action::C && opponent[2] == Action::C) return Action::D;
    return opponent.back();
  }
};

/// Opens C, D, C, C; defects for good if the opponent never defected in those four moves,
/// otherwise plays tit for tat. [NC2019]
class Detective final : public StrategyOf<Detective> {
 public:
  static constexpr StrategyInfo info{
      .id = "Detective",
      .name = "Detective",
      .aliases = "",
      .summary = "Open C, D, C, C; exploit an opponent that never defected, else TFT.",
      .cite = "NC2019",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    constexpr std::array<Action, 4> opening = {Action::C, Action::D, Action::C, Action::C};
    if (own.size() < opening.size()) return opening[own.size()];
    for (std::size_t t = 0; t < opening.size(); ++t)
      if (opponent[t] == Action::D) return opponent.back();
    return Action::D;
  }
};

/// Opens C, D; if the opponent opened the same way (a handshake) it cooperates until the
/// opponent defects again, otherwise it defects for good. [Li2009]
class CollectiveStrategy final : public StrategyOf<CollectiveStrategy> {
 public:
  static constexpr StrategyInfo info{
      .id = "CollectiveStrategy",
      .name = "CollectiveStrategy",
      .aliases = "CS",
      .summary = "Open C, D; cooperate with an opponent that answered in kind until it defects.",
      .cite = "Li2009",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.size() < 2) return own.empty() ? Action::C : Action::D;
    if (opponent.defections() > 1) return Action::D;
    return opponent[0] == Action::C && opponent[1] == Action::D ? Action::C : Action::D;
  }
};

/// Plays a fixed 20-move probe, counting the opponent's defections that answered its own
/// (same-turn) D as just and the others as unjust. If the two counts differ by at most 2 it
/// takes the opponent to be random or spiteful and defects for good; otherwise it cooperates 5
/// times and plays tit for tat. [Prison1998]
class Prober4 final : public StrategyOf<Prober4> {
 public:
  static constexpr StrategyInfo info{
      .id = "Prober4",
      .name = "Prober 4",
      .aliases = "",
      .summary = "20-move probe; defect if the opponent's D's look unprovoked, else C x5 then TFT.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t turn = own.size();
    if (turn < kProbe.size()) {
      // As the library counts: the turn just played, from move 2 of the probe to move 20.
      if (turn > 0 && opponent.back() == Action::D) ++(own.back() == Action::D ? just_ : unjust_);
      return action_from_char(kProbe[turn]);
    }
    if (turn == kProbe.size()) defector_ = std::abs(just_ - unjust_) <= 2;
    if (defector_) return Action::D;
    if (turn < kProbe.size() + 5) return Action::C;
    return opponent.back();
  }

 private:
  static constexpr std::string_view kProbe = "CCDCDDDCCDCDCCDCDDCD";
  int just_ = 0;
  int unjust_ = 0;
  bool defector_ = false;
};

}  // namespace kindest::strategies
