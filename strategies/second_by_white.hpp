#pragma once
#include <cmath>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates on the first ten moves and after every opponent cooperation; after an opponent
/// defection on move t it defects only when floor(ln t) times the opponent's defections so far
/// reaches t, so it forgives more the longer the match has gone well. Edward C. White's entry
/// (K72R), 13th in Axelrod's second tournament [Axelrod1980b].
class SecondByWhite final : public StrategyOf<SecondByWhite> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByWhite",
      .name = "Second by White",
      .aliases = "K72R",
      .summary = "C for 10 moves and after C; after D defect iff floor(ln t)*(opponent D) >= t.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    const auto turn = static_cast<double>(opponent.size() + 1);
    if (opponent.size() < 10 || opponent.back() == Action::C) return Action::C;
    return std::floor(std::log(turn)) * static_cast<double>(opponent.defections()) >= turn
               ? Action::D
               : Action::C;
  }
};

}  // namespace kindest::strategies
