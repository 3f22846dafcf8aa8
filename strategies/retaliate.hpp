#pragma once
// Retaliate and its variants: defect while the opponent has exploited it (own C, opponent D)
// more often than a fraction of the times it exploited the opponent (own D, opponent C).
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// The counting both Retaliate forms share. Thresholds compare in floating point as in the
/// Axelrod library: exploited > threshold * exploiting.
class ExploitationCount {
 public:
  explicit ExploitationCount(double threshold) : threshold_(threshold) {}
  /// Counts the last turn and says whether the opponent is ahead by more than the threshold.
  bool wronged(const History& own, const History& opponent) {
    if (!own.empty() && own.back() != opponent.back()) {
      if (own.back() == Action::C)
        ++exploited_;
      else
        ++exploiting_;
    }
    return static_cast<double>(exploited_) > static_cast<double>(exploiting_) * threshold_;
  }

 private:
  double threshold_;
  std::int64_t exploited_ = 0;   // rounds (C, D)
  std::int64_t exploiting_ = 0;  // rounds (D, C)
};

/// Retaliate with a threshold: defect while wronged. Named instances below.
class RetaliateRule : public Strategy {
 public:
  explicit RetaliateRule(double threshold) : count_(threshold) {}
  Action move(const History& own, const History& opponent, Stream&) override {
    return count_.wronged(own, opponent) ? Action::D : Action::C;
  }

 private:
  ExploitationCount count_;
};

/// Cooperates, but defects whenever the rounds in which the opponent exploited it number more
/// than 10% of the rounds in which it exploited the opponent. Original to the Axelrod library
/// (Owen Campbell) [Knight2016].
class Retaliate final : public StrategyOf<Retaliate, RetaliateRule> {
 public:
  static constexpr StrategyInfo info{
      .id = "Retaliate",
      .name = "Retaliate",
      .aliases = "",
      .summary = "Defect while exploited more than 10% as often as it has exploited.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Retaliate() : StrategyOf(0.1) {}
};

/// Retaliate with a threshold of 8%. Original to the Axelrod library [Knight2016].
class Retaliate2 final : public StrategyOf<Retaliate2, RetaliateRule> {
 public:
  static constexpr StrategyInfo info{
      .id = "Retaliate2",
      .name = "Retaliate 2",
      .aliases = "",
      .summary = "Defect while exploited more than 8% as often as it has exploited.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Retaliate2() : StrategyOf(0.08) {}
};

/// Retaliate with a threshold of 5%. Original to the Axelrod library [Knight2016].
class Retaliate3 final : public StrategyOf<Retaliate3, RetaliateRule> {
 public:
  static constexpr StrategyInfo info{
      .id = "Retaliate3",
      .name = "Retaliate 3",
      .aliases = "",
      .summary = "Defect while exploited more than 5% as often as it has exploited.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Retaliate3() : StrategyOf(0.05) {}
};

/// Retaliate that stops after `limit` defections in a row: it defects while wronged, but after
/// `limit` retaliations it cooperates once and starts counting again.
class LimitedRetaliateRule : public Strategy {
 public:
  LimitedRetaliateRule(double threshold, int limit) : count_(threshold), limit_(limit) {}
  Action move(const History& own, const History& opponent, Stream&) override {
    if (!count_.wronged(own, opponent)) {
      retaliations_ = 0;
      return Action::C;
    }
    if (retaliations_ < limit_) {
      ++retaliations_;
      return Action::D;
    }
    retaliations_ = 0;
    return Action::C;
  }

 private:
  ExploitationCount count_;
  int limit_;
  int retaliations_ = 0;
};

/// Retaliate (10%) limited to 20 defections in a row. Original to the Axelrod library (Owen
/// Campbell) [Knight2016].
class LimitedRetaliate final : public StrategyOf<LimitedRetaliate, LimitedRetaliateRule> {
 public:
  static constexpr StrategyInfo info{.id = "LimitedRetaliate",
                                     .name = "Limited Retaliate",
                                     .aliases = "",
                                     .summary = "Retaliate (10%), at most 20 defections in a row.",
                                     .cite = "Knight2016",
                                     .memory_depth = -1,
                                     .stochastic = false};
  LimitedRetaliate() : StrategyOf(0.1, 20) {}
};

/// Retaliate (8%) limited to 15 defections in a row. Original to the Axelrod library
/// [Knight2016].
class LimitedRetaliate2 final : public StrategyOf<LimitedRetaliate2, LimitedRetaliateRule> {
 public:
  static constexpr StrategyInfo info{.id = "LimitedRetaliate2",
                                     .name = "Limited Retaliate 2",
                                     .aliases = "",
                                     .summary = "Retaliate (8%), at most 15 defections in a row.",
                                     .cite = "Knight2016",
                                     .memory_depth = -1,
                                     .stochastic = false};
  LimitedRetaliate2() : StrategyOf(0.08, 15) {}
};

/// Retaliate (5%) limited to 20 defections in a row. Original to the Axelrod library
/// [Knight2016].
class LimitedRetaliate3 final : public StrategyOf<LimitedRetaliate3, LimitedRetaliateRule> {
 public:
  static constexpr StrategyInfo info{.id = "LimitedRetaliate3",
                                     .name = "Limited Retaliate 3",
                                     .aliases = "",
                                     .summary = "Retaliate (5%), at most 20 defections in a row.",
                                     .cite = "Knight2016",
                                     .memory_depth = -1,
                                     .stochastic = false};
  LimitedRetaliate3() : StrategyOf(0.05, 20) {}
};

}  // namespace kindest::strategies
