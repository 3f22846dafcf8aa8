#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Plays C, D, D, then runs of cooperations of growing length, each ended by one defection:
/// C D, C C D, C C C D, ... -- a sequence with no period for a cycle detector to find.
/// Original to the Axelrod library [Knight2016].
class AntiCycler final : public StrategyOf<AntiCycler> {
 public:
  static constexpr StrategyInfo info{
      .id = "AntiCycler",
      .name = "AntiCycler",
      .aliases = "",
      .summary = "C, D, D, then C^k D for k = 1, 2, 3, ...: never periodic.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History&, Stream&) override {
    if (own.size() < 3) return own.empty() ? Action::C : Action::D;
    if (run_so_far_ < run_length_) {
      ++run_so_far_;
      return Action::C;
    }
    ++run_length_;
    run_so_far_ = 0;
    return Action::D;
  }

 private:
  int run_length_ = 1;
  int run_so_far_ = 0;
};

}  // namespace kindest::strategies
