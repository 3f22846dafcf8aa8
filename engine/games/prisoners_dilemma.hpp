#pragma once
// A symmetric 2x2 game given by (R, S, T, P): reward for mutual cooperation, sucker's payoff,
// temptation to defect, punishment for mutual defection. Named after its most studied case, but
// any ordering is allowed (stag hunt, snowdrift); is_dilemma() says whether T > R > P > S.
#include <array>

#include "engine/core/action.hpp"

namespace kindest::games {

struct PrisonersDilemma {
  double reward = 3;      // R
  double sucker = 0;      // S
  double temptation = 5;  // T
  double punishment = 1;  // P

  /// Payoff to a player who plays `own` against `opponent`.
  constexpr double payoff(Action own, Action opponent) const noexcept {
    return table()[2 * static_cast<int>(own) + static_cast<int>(opponent)];
  }
  /// Payoffs indexed by 2*own + opponent (C = 0, D = 1): {R, S, T, P}.
  constexpr std::array<double, 4> table() const noexcept {
    return {reward, sucker, temptation, punishment};
  }
  constexpr bool is_dilemma() const noexcept {
    return temptation > reward && reward > punishment && punishment > sucker;
  }
};

}  // namespace kindest::games
