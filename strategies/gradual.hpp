#pragma once
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates until the opponent defects; then defects as many times in a row as the opponent has
/// defected in total so far, and calms down with two cooperations, ignoring the opponent during
/// both phases. [Beaufils1997]; this is the version the Axelrod library calls Gradual, which
/// follows the authors' own implementation (CRISTAL-SMAC, 2018): the punishment length counts
/// every opponent defection, including those made while it was punishing or calming.
class Gradual final : public StrategyOf<Gradual> {
 public:
  static constexpr StrategyInfo info{
      .id = "Gradual",
      .name = "Gradual",
      .aliases = "",
      .summary = "Punish the n-th provocation with n defections, then cooperate twice.",
      .cite = "Beaufils1997",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (opponent.empty()) return Action::C;
    if (punish_ > 0) {
      --punish_;
      return Action::D;
    }
    if (calm_ > 0) {
      --calm_;
      return Action::C;
    }
    if (opponent.back() == Action::D) {
      punish_ = opponent.defections() - 1;  // this move is the first punishing defection
      calm_ = 2;
      return Action::D;
    }
    return Action::C;
  }

 private:
  std::int64_t punish_ = 0;
  std::int64_t calm_ = 0;
};

}  // namespace kindest::strategies
