#include <catch2/catch.hpp>

#include "engine/games/donation_game.hpp"
#include "engine/games/payoff_matrix.hpp"
#include "engine/games/prisoners_dilemma.hpp"

using namespace kindest;
using namespace kindest::games;

TEST_CASE("games: prisoner's dilemma payoffs by own and opponent move", "[games]") {
  const PrisonersDilemma g;  // (3, 0, 5, 1)
  CHECK(g.payoff(Action::C, Action::C) == 3);
  CHECK(g.payoff(Action::C, Action::D) == 0);
  CHECK(g.payoff(Action::D, Action::C) == 5);
  CHECK(g.payoff(Action::D, Action::D) == 1);
  CHECK(g.is_dilemma());
  CHECK_FALSE(PrisonersDilemma{4, 0, 3, 1}.is_dilemma());  // stag hunt
}

TEST_CASE("games: donation game is R = b - c, S = -c, T = b, P = 0", "[games]") {
  const auto g = DonationGame{.benefit = 3, .cost = 1}.as_matrix_game();
  CHECK(g.reward == 2);
  CHECK(g.sucker == -1);
  CHECK(g.temptation == 3);
  CHECK(g.punishment == 0);
  CHECK(g.is_dilemma());
}

TEST_CASE("games: payoff matrix is row-major and checks its size", "[games]") {
  PayoffMatrix m(2, {1, 2, 3, 4});
  CHECK(m(0, 1) == 2);
  CHECK(m(1, 0) == 3);
  CHECK_THROWS_AS(PayoffMatrix(2, {1, 2, 3}), std::invalid_argument);
}
