// Costly signalling (engine/games/costly_signalling.hpp): the payoffs of single encounters
// computed by hand for every rule pair, the role-symmetric matrix as their average, the
// separating conditions as strict best replies checked by enumerating every deviation, and bad
// input.
#include <catch2/catch.hpp>
#include <limits>

#include "engine/core/errors.hpp"
#include "engine/games/costly_signalling.hpp"

using namespace kindest;
using Catch::Matchers::Contains;

namespace {

// q = 0.3, c_H = 1, c_L = 4, b = 0.5, a = 2, h = 3, l = -1.
games::SignallingGame example() {
  return {.high_quality = 0.3,
          .cost_high = 1,
          .cost_low = 4,
          .benefit = 0.5,
          .alliance = 2,
          .value_high = 3,
          .value_low = -1};
}

std::vector<games::SignallingStrategy> all_strategies() {
  std::vector<games::SignallingStrategy> s;
  for (const char* sr : {"Never", "Honest", "Always", "Perverse"})
    for (const char* ob : {"Never", "Discerning", "Always", "Contrarian"})
      s.push_back({games::parse_signaller_rule(sr), games::parse_observer_rule(ob)});
  return s;
}

}  // namespace

TEST_CASE("costly signalling: encounter payoffs by hand", "[games][signalling]") {
  const auto g = example();
  const auto sig = games::parse_signaller_rule;
  const auto obs = games::parse_observer_rule;
  // Honest signaller, discerning observer: high (0.3) signals, pays 1, is allied (2); low is
  // silent and shunned.
  CHECK(games::signaller_payoff(g, sig("Honest"), obs("Discerning")) == Approx(0.3 * (2 - 1)));
  // Always against Discerning: both qualities pay and are allied.
  CHECK(games::signaller_payoff(g, sig("Always"), obs("Discerning")) ==
        Approx(0.3 * (2 - 1) + 0.7 * (2 - 4)));
  // Never against Always: allied unseen, pays nothing.
  CHECK(games::signaller_payoff(g, sig("Never"), obs("Always")) == Approx(2));
  // Perverse against Contrarian: high is silent and allied, low signals (4) and is shunned.
  CHECK(games::signaller_payoff(g, sig("Perverse"), obs("Contrarian")) ==
        Approx(0.3 * 2 + 0.7 * -4));
  // Observer side: Discerning facing Honest gets the public good and h from the high ones.
  CHECK(games::observer_payoff(g, obs("Discerning"), sig("Honest")) == Approx(0.3 * (0.5 + 3)));
  // Always facing Never: no public good, allies with everyone: q h + (1 - q) l.
  CHECK(games::observer_payoff(g, obs("Always"), sig("Never")) == Approx(0.3 * 3 + 0.7 * -1));
  // Never facing Always: the public good from both, no ally.
  CHECK(games::observer_payoff(g, obs("Never"), sig("Always")) == Approx(0.5));
  // Contrarian facing Perverse: allies with the silent high ones, sees low ones' signals.
  CHECK(games::observer_payoff(g, obs("Contrarian"), sig("Perverse")) ==
        Approx(0.3 * 3 + 0.7 * 0.5));

  const auto s = all_strategies();
  const auto m = games::signalling_payoff_matrix(g, s);
  REQUIRE(m.size() == 16);
  for (std::size_t i = 0; i < 16; ++i)
    for (std::size_t j = 0; j < 16; ++j)
      CHECK(m(i, j) == Approx(0.5 * games::signaller_payoff(g, s[i].signaller, s[j].observer) +
                              0.5 * games::observer_payoff(g, s[i].observer, s[j].signaller)));
  CHECK(s[1 * 4 + 1].name() == "Honest/Discerning");
  // Honest/Discerning against itself: 1/2 q (a - c_H) + 1/2 q (b + h).
  CHECK(m(5, 5) == Approx(0.5 * 0.3 * 1 + 0.5 * 0.3 * 3.5));
}

TEST_CASE("costly signalling: the separating conditions are the strict best replies",
          "[games][signalling]") {
  // For a grid of games, Honest/Discerning is a strict Nash equilibrium of the 16-strategy
  // matrix (every other strategy earns less against it) iff the closed form says separating.
  const auto s = all_strategies();
  const std::size_t honest = 5;
  int separating = 0, not_separating = 0;
  for (double a : {0.5, 1.5, 3.5, 4.5})
    for (double h : {-1.0, 2.0})
      for (double l : {-2.0, 0.5})
        for (double q : {0.2, 0.7}) {
          auto g = example();
          g.alliance = a;
          g.value_high = h;
          g.value_low = l;
          g.high_quality = q;
          const auto m = games::signalling_payoff_matrix(g, s);
          bool strict = true;
          for (std::size_t i = 0; i < s.size(); ++i)
            if (i != honest && !(m(i, honest) < m(honest, honest) - 1e-12)) strict = false;
          const auto c = games::separating_conditions(g);
          INFO("a " << a << " h " << h << " l " << l << " q " << q);
          CHECK(c.separating() == strict);
          CHECK(c.high_signals == Approx(a - 1));
          CHECK(c.low_stays_silent == Approx(4 - a));
          CHECK(c.pooled_partner == Approx(q * h + (1 - q) * l));
          (strict ? separating : not_separating) += 1;
        }
  CHECK(separating == 4);  // a = 1.5, 3.5 in (c_H, c_L) = (1, 4) with h = 2, l = -2; both q
  CHECK(not_separating == 28);
}

TEST_CASE("costly signalling: bad rules and parameters are refused", "[games][signalling]") {
  CHECK_THROWS_WITH(games::parse_signaller_rule("Honset"),
                    Contains("signaller = Honset") && Contains("did you mean 'Honest'") &&
                        Contains("Never, Honest, Always, Perverse"));
  CHECK_THROWS_WITH(games::parse_observer_rule("Discerning(1)"),
                    Contains("observer = Discerning(1)") && Contains("Contrarian"));
  CHECK(games::parse_observer_rule("  Contrarian ").after_silence);
  auto g = example();
  g.high_quality = 1;
  CHECK_THROWS_WITH(g.validate(), Contains("q = 1") && Contains("(0, 1)"));
  g = example();
  g.cost_low = -1;
  CHECK_THROWS_WITH(g.validate(), Contains("c_L = -1") && Contains(">= 0"));
  g = example();
  g.value_low = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(games::signalling_payoff_matrix(g, all_strategies()), ModelError);
}
