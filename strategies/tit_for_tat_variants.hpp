#pragma once
// Variants of Tit For Tat: slower, adaptive, contrite, counting or end-game-aware versions of
// "cooperate first, then copy the opponent's last move".
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat that judges the opponent by a running image w, moved halfway (rate 1/2) toward
/// 1 after each C and toward 0 after each D; cooperates while w >= 1/2. [Tzafestas2000]
class AdaptiveTitForTat final : public StrategyOf<AdaptiveTitForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "AdaptiveTitForTat",
      .name = "Adaptive Tit For Tat",
      .aliases = "ATFT",
      .summary = "Cooperate while an exponentially averaged image of the opponent is >= 1/2.",
      .cite = "Tzafestas2000",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (opponent.empty()) return Action::C;
    world_ += kRate * ((opponent.back() == Action::C ? 1.0 : 0.0) - world_);
    return world_ >= 0.5 ? Action::C : Action::D;
  }

 private:
  static constexpr double kRate = 0.5;
  double world_ = kRate;  // the library starts the image at the rate
};

/// Tit for tat that defects on the last move of a match of known length. [LessWrong2011]
class Alexei final : public StrategyOf<Alexei> {
 public:
  static constexpr StrategyInfo info{.id = "Alexei",
                                     .name = "Alexei",
                                     .aliases = "",
                                     .summary = "Tit for tat, defecting on the last move.",
                                     .cite = "LessWrong2011",
                                     .memory_depth = -1,
                                     .stochastic = false,
                                     .uses_length = true};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (among_last_moves(own, 1)) return Action::D;
    return opponent.empty() ? Action::C : opponent.back();
  }
};

/// Tit for tat that defects for good once the opponent has defected five times, and on the
/// last move of a match of known length. [LessWrong2011]
class EugineNier final : public StrategyOf<EugineNier> {
 public:
  static constexpr StrategyInfo info{
      .id = "EugineNier",
      .name = "Eugine Nier",
      .aliases = "",
      .summary = "Tit for tat; always D after 5 opponent defections and on the last move.",
      .cite = "LessWrong2011",
      .memory_depth = -1,
      .stochastic = false,
      .uses_length = true};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (among_last_moves(own, 1)) return Action::D;
    if (opponent.empty()) return Action::C;
    if (opponent.defections() >= 5) return Action::D;
    return opponent.back();
  }
};

/// Tit for tat after noise: when a flipped move of its own (it played D meaning C) provoked
/// the opponent, it accepts the punishment, cooperating until a cooperation of its own goes
/// through. Without noise it is Tit For Tat. [Axelrod1984]
class ContriteTitForTat final : public StrategyOf<ContriteTitForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "ContriteTitForTat",
      .name = "Contrite Tit For Tat",
      .aliases = "CTFT",
      .summary = "Tit for tat that accepts punishment for its own noisy defections.",
      .cite = "Axelrod1984",
      .memory_depth = 3,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    return intended_ = choose(own, opponent);
  }

 private:
  Action choose(const History& own, const History& opponent) {
    if (opponent.empty()) return Action::C;
    if (contrite_ && own.back() == Action::C) {
      contrite_ = false;
      return Action::C;
    }
    // own.back() differs from what it chose: the match's noise flipped it.
    if (intended_ != own.back() && own.back() == Action::D && opponent.back() == Action::C)
      contrite_ = true;
    return opponent.back();
  }
  bool contrite_ = false;
  Action intended_ = Action::C;
};

/// Cooperates twice; then copies the opponent's move when it played the same twice running,
/// else repeats its own last move. Names: Slow Tit For Tat [Prison1998].
class SlowTitForTwoTats2 final : public StrategyOf<SlowTitForTwoTats2> {
 public:
  static constexpr StrategyInfo info{
      .id = "SlowTitForTwoTats2",
      .name = "Slow Tit For Two Tats 2",
      .aliases = "SlowTitForTat",
      .summary = "Copy the opponent only when it repeats a move; else repeat own move.",
      .cite = "Prison1998",
      .memory_depth = 2,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.size() < 2) return Action::C;
    return opponent.back(2) == opponent.back() ? opponent.back() : own.back();
  }
};

/// Defects 3 times after the opponent defects 2 times running (N = 3 tits for M = 2 tats);
/// a new pair of defections restarts the count. [Knight2016]
class NTitsForMTats final : public StrategyOf<NTitsForMTats> {
 public:
  static constexpr StrategyInfo info{
      .id = "NTitsForMTats",
      .name = "N Tits For M Tats",
      .aliases = "",
      .summary = "After 2 opponent defections in a row, defect 3 times.",
      .cite = "Knight2016",
      .memory_depth = 3,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (opponent.size() >= kM && opponent.back() == Action::D && opponent.back(2) == Action::D)
      retaliate_ = kN;
    if (retaliate_ > 0) {
      --retaliate_;
      return Action::D;
    }
    return Action::C;
  }

 private:
  static constexpr int kN = 3;
  static constexpr std::size_t kM = 2;
  int retaliate_ = 0;
};

/// Tit for tat that cooperates whatever the opponent did while it has defected on at most a
/// tenth of the moves so far. [Knight2016]
class ForgivingTitForTat final : public StrategyOf<ForgivingTitForTat> {
 public:
  static constexpr StrategyInfo info{
      .id = "ForgivingTitForTat",
      .name = "Forgiving Tit For Tat",
      .aliases = "",
      .summary = "Tit for tat once the opponent has defected on over 10% of moves, else C.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    // defections > size / 10, in integers: 10 * defections > size.
    if (10 * opponent.defections() > static_cast<std::int64_t>(opponent.size()))
      return opponent.back();
    return Action::C;
  }
};

/// The Gradual of its authors' paper: the n-th punishment (started by an opponent defection
/// while neither punishing nor calming) is n defections, then two cooperations; defections
/// during punishment and calm do not count. The library's Gradual counts every defection
/// instead. [Beaufils1997]
class OriginalGradual final : public StrategyOf<OriginalGradual> {
 public:
  static constexpr StrategyInfo info{
      .id = "OriginalGradual",
      .name = "Original Gradual",
      .aliases = "",
      .summary = "Punish the n-th counted provocation with n D's, then C, C.",
      .cite = "Beaufils1997",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (calming_) {
      calming_ = false;
      return Action::C;
    }
    if (punishing_) {
      if (count_ < limit_) {
        ++count_;
        return Action::D;
      }
      calming_ = true;  // the first of the two cooperations is this move
      punishing_ = false;
      count_ = 0;
      return Action::C;
    }
    if (!opponent.empty() && opponent.back() == Action::D) {
      punishing_ = true;
      ++count_;
      ++limit_;
      return Action::D;
    }
    return Action::C;
  }

 private:
  bool calming_ = false;
  bool punishing_ = false;
  int count_ = 0;
  int limit_ = 0;
};

}  // namespace kindest::strategies
