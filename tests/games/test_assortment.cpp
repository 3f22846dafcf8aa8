#include <catch2/catch.hpp>

#include "engine/games/assortment.hpp"
#include "engine/games/donation_game.hpp"

using namespace kindest;

TEST_CASE("assortment: the donation game becomes [[b - c, r b - c], [(1 - r) b, 0]]", "[games]") {
  const double b = 4, c = 1, r = 0.3;
  const auto a = games::DonationGame{b, c}.as_matrix_game();
  const games::PayoffMatrix m(2, {a.reward, a.sucker, a.temptation, a.punishment});
  const auto k = games::with_assortment(m, r);
  CHECK(k(0, 0) == Approx(b - c));
  CHECK(k(0, 1) == Approx(r * b - c));
  CHECK(k(1, 0) == Approx((1 - r) * b));
  CHECK(k(1, 1) == 0.0);
  // Expected payoffs from explicit meeting probabilities: own type with r + (1 - r) x.
  for (double x : {0.0, 0.2, 0.7, 1.0}) {
    const double coop = (r + (1 - r) * x) * m(0, 0) + (1 - r) * (1 - x) * m(0, 1);
    const double defect = (1 - r) * x * m(1, 0) + (r + (1 - r) * (1 - x)) * m(1, 1);
    CHECK(k(0, 0) * x + k(0, 1) * (1 - x) == Approx(coop));
    CHECK(k(1, 0) * x + k(1, 1) * (1 - x) == Approx(defect));
  }
  CHECK(games::with_assortment(m, 0.0).row_major() == m.row_major());
  CHECK(games::with_assortment(m, 1.0).row_major() == std::vector<double>{3, 3, 0, 0});
  CHECK_THROWS_WITH(games::with_assortment(m, 1.5), "assortment: r = 1.5 must be in [0, 1]");
}
