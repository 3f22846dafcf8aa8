#pragma once
#include <algorithm>
#include <array>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat for three moves (defecting on the third if the opponent answered its opening C
/// with D and then cooperated), then a lookup on the last three outcomes: each round scores 2 if
/// the opponent defected plus 1 if it defected itself, weighted 16 (last round), 4 and 1, and it
/// defects only for the 19 listed sums. Rudy Nydegger's entry, 3rd in Axelrod's first tournament
/// [Axelrod1980]. "Chronological order" of the weights is read as in the Axelrod library: the
/// most recent round weighs 16.
class FirstByNydegger final : public StrategyOf<FirstByNydegger> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByNydegger",
      .name = "First by Nydegger",
      .aliases = "Nydegger",
      .summary = "Defect on a fixed set of weighted last-three-round outcomes.",
      .cite = "Axelrod1980",
      .memory_depth = 3,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t n = own.size();
    if (n == 0) return Action::C;
    if (n == 2 && opponent[0] == Action::D && opponent[1] == Action::C) return Action::D;
    if (n < 3) return opponent.back();
    int a = 0;
    for (std::size_t k = 1, weight = 16; k <= 3; ++k, weight /= 4) {
      const int outcome = 2 * (opponent.back(k) == Action::D) + (own.back(k) == Action::D);
      a += static_cast<int>(weight) * outcome;
    }
    return std::binary_search(kDefectSums.begin(), kDefectSums.end(), a) ? Action::D : Action::C;
  }

 private:
  static constexpr std::array<int, 19> kDefectSums{1,  6,  7,  17, 22, 23, 26, 29, 30, 31,
                                                   33, 38, 39, 45, 49, 54, 55, 58, 61};
};

}  // namespace kindest::strategies
