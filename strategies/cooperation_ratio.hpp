#pragma once
// The "mathematical constant" players: defect while the match's cooperations outnumber its
// defections by more than a constant ratio.
#include <cmath>
#include <numbers>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates first; defects while the opponent has never defected, and afterwards whenever
/// (cooperations of both players) / (defections of both players) exceeds `ratio`. Named
/// instances below; original to the Axelrod library (Timothy Standen) [Knight2016].
class CooperationRatioRule : public Strategy {
 public:
  explicit CooperationRatioRule(double ratio) : ratio_(ratio) {}
  Action move(const History& own, const History& opponent, Stream&) override {
    if (opponent.empty()) return Action::C;
    if (opponent.defections() == 0) return Action::D;
    const auto cooperations = static_cast<double>(own.cooperations() + opponent.cooperations());
    const auto defections = static_cast<double>(own.defections() + opponent.defections());
    return cooperations / defections > ratio_ ? Action::D : Action::C;
  }

 private:
  double ratio_;
};

/// Cooperation-to-defection ratio capped at the golden ratio (1 + sqrt 5) / 2. [Knight2016]
class Golden final : public StrategyOf<Golden, CooperationRatioRule> {
 public:
  static constexpr StrategyInfo info{
      .id = "Golden",
      .name = "Golden",
      .aliases = "phi",
      .summary = "C first; D while C/D of both players exceeds phi (or the opponent never D).",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Golden() : StrategyOf((1 + std::sqrt(5.0)) / 2) {}
};

/// Cooperation-to-defection ratio capped at pi. [Knight2016]
class Pi final : public StrategyOf<Pi, CooperationRatioRule> {
 public:
  static constexpr StrategyInfo info{
      .id = "Pi",
      .name = "Pi",
      .aliases = "",
      .summary = "C first; D while C/D of both players exceeds pi (or the opponent never D).",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Pi() : StrategyOf(std::numbers::pi) {}
};

/// Cooperation-to-defection ratio capped at e, Euler's number. [Knight2016]
class E final : public StrategyOf<E, CooperationRatioRule> {
 public:
  static constexpr StrategyInfo info{
      .id = "e",
      .name = "e",
      .aliases = "",
      .summary = "C first; D while C/D of both players exceeds e (or the opponent never D).",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  E() : StrategyOf(std::numbers::e) {}
};

}  // namespace kindest::strategies
