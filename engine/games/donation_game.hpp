#pragma once
// The donation game: cooperating costs the donor c and gives the recipient b. As a 2x2 game,
// R = b - c, S = -c, T = b, P = 0; a prisoner's dilemma whenever b > c > 0.
#include "engine/games/prisoners_dilemma.hpp"

namespace kindest::games {

struct DonationGame {
  double benefit = 2;  // b
  double cost = 1;     // c

  constexpr PrisonersDilemma as_matrix_game() const noexcept {
    return {.reward = benefit - cost, .sucker = -cost, .temptation = benefit, .punishment = 0};
  }
};

}  // namespace kindest::games
