#pragma once
#include <array>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Tit for tat with occasional forgiveness and a defection override. When a run of opponent
/// defections of odd length ends with a cooperation, the next opponent defection is forgiven
/// (answered with C) provided the move number exceeds a grudge that grows by 20 with each
/// forgiveness. Whatever the rule says, it defects while 5 or more of the opponent's 12 moves
/// before its last one were defections. Herb Weiner's entry (K41R), 7th in Axelrod's second
/// tournament [Axelrod1980b], as the Axelrod library reads the Fortran.
class SecondByWeiner final : public StrategyOf<SecondByWeiner> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByWeiner",
      .name = "Second by Weiner",
      .aliases = "K41R",
      .summary =
          "TFT forgiving a D after an odd run of D; D while 5 of 12 earlier opponent moves are D.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override;

 private:
  bool forgive_ = false;
  std::int64_t grudge_ = 0;
  std::int64_t defect_run_ = 0;   // opponent defections since its last cooperation
  std::array<int, 12> window_{};  // opponent moves t-13..t-2 as 0 (C) / 1 (D), ring
  std::size_t window_at_ = 0;
};

}  // namespace kindest::strategies
