// A program outside the Kindest tree, built against the installed package: TFT vs ALLD over 10
// turns must score 9 : 14 (references.md).
#include <cstdio>

#include "engine/tournament/round_robin.hpp"
#include "strategies/registry.hpp"

int main() {
  const auto players = kindest::strategies::registry().make_players("TitForTat, Defector");
  const auto r = kindest::tournament::run_round_robin(
      players, {}, {.match = {.turns = 10}, .repetitions = 1, .self_play = false});
  const double tft = 10 * r.score_per_turn[1], alld = 10 * r.score_per_turn[2];
  std::printf("TitForTat %g, Defector %g\n", tft, alld);
  return tft == 9 && alld == 14 ? 0 : 1;
}
