// The continuous-investment game (engine/games/continuous_investment.hpp): strategies against
// hand-computed move sequences, the expected payoffs against closed forms over geometric and
// fixed-length matches, and against simulated matches within Monte-Carlo error.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/games/continuous_investment.hpp"

using namespace kindest;
using games::BenefitShape;
using games::InvestmentGame;
using games::parse_investment_strategy;

namespace {

InvestmentGame geometric(double w, double b = 2, double c = 1) {
  return {.benefit = b, .cost = c, .continuation = w};
}
InvestmentGame fixed_length(std::uint64_t rounds, double b = 2, double c = 1) {
  return {.benefit = b, .cost = c, .continuation = 0, .rounds = rounds};
}
games::InvestmentPayoffs expected(const InvestmentGame& g, const char* a, const char* b) {
  return games::expected_investment_payoffs(g, parse_investment_strategy(a),
                                            parse_investment_strategy(b));
}

}  // namespace

TEST_CASE("continuous investment: strategies parse, bad ones are refused",
          "[games][continuous_investment]") {
  const auto rts = parse_investment_strategy(" RTS(1, 0.5) ");
  CHECK(rts.name == "RTS(1, 0.5)");
  CHECK(rts.rule == games::InvestmentRule::raise_the_stakes);
  CHECK(rts.start == 1);
  CHECK(rts.step == 0.5);
  CHECK(parse_investment_strategy("RaiseTheStakes(2,1)").start == 2);
  CHECK(parse_investment_strategy("NonInvestor").start == 0);
  CHECK(parse_investment_strategy("Fixed(3)").next(0, 7) == 3);
  CHECK(parse_investment_strategy("Matcher(3)").next(3, 7) == 7);
  const auto lin = parse_investment_strategy("Linear(1, 0.5, 0.25)");
  CHECK(lin.next(9, 2) == 1.0);
  CHECK(parse_investment_strategy("Linear(1, -5, 1)").next(0, 2) == 0);  // clamped at 0
  CHECK_THROWS_AS(parse_investment_strategy("TFT"), ModelError);
  CHECK_THROWS_AS(parse_investment_strategy("RTS(1)"), ModelError);
  CHECK_THROWS_AS(parse_investment_strategy("Fixed(-1)"), ModelError);
  CHECK_THROWS_AS(parse_investment_strategy("Fixed(x)"), ModelError);
  CHECK_THROWS_AS(parse_investment_strategy("ShortChanger(1, -0.5)"), ModelError);
  CHECK_THROWS_WITH(parse_investment_strategy("Give(1)"), Catch::Contains("Linear(a, k, m)"));
}

TEST_CASE("continuous investment: raise-the-stakes moves", "[games][continuous_investment]") {
  const auto rts = parse_investment_strategy("RTS(1, 1)");
  CHECK(rts.next(1, 4) == 3);  // partner bettered my 1: raise by 2b
  CHECK(rts.next(4, 4) == 5);  // partner equalled: raise by b
  CHECK(rts.next(5, 4) == 4);  // partner fell short: match it
  const auto sc = parse_investment_strategy("ShortChanger(1, 0.5)");
  CHECK(sc.next(1, 2) == 1.5);
  CHECK(sc.next(1, 0.25) == 0);
}

TEST_CASE("continuous investment: hand-computed fixed-length matches",
          "[games][continuous_investment]") {
  // RTS(1, 1) vs Fixed(4), B = 2, C = 1. Investments (1, 4) (3, 4) (5, 4) (4, 4) (5, 4) (4, 4)
  // ...: RTS earns 8 - x, Fixed(4) earns 2 x - 4, per round.
  auto p = expected(fixed_length(5), "RTS(1, 1)", "Fixed(4)");
  CHECK(p.first == Approx(7 + 5 + 3 + 4 + 3));
  CHECK(p.second == Approx(-2 + 2 + 6 + 4 + 6));
  p = expected(fixed_length(8), "RTS(1, 1)", "Fixed(4)");  // through the period-2 tail
  CHECK(p.first == Approx(33));
  CHECK(p.second == Approx(30));
  // ShortChanger(1, 0.5) vs RTS(1, 1): (1, 1) (0.5, 2) (1.5, 0.5) (0, 2.5).
  p = expected(fixed_length(4), "ShortChanger(1, 0.5)", "RTS(1, 1)");
  CHECK(p.first == Approx(1 + 3.5 - 0.5 + 5));
  CHECK(p.second == Approx(1 - 1 + 2.5 - 2.5));
  // One round: only the first investments count.
  p = expected(fixed_length(1), "RTS(3, 1)", "Matcher(5)");
  CHECK(p.first == Approx(2 * 5 - 3));
  CHECK(p.second == Approx(2 * 3 - 5));
  // Saturating benefit, h = 2: b(x) = B h (1 - exp(-x / h)).
  InvestmentGame sat = fixed_length(3);
  sat.shape = BenefitShape::saturating;
  sat.saturation = 2;
  p = expected(sat, "Fixed(1)", "Fixed(2)");
  CHECK(p.first == Approx(3 * (4 * (1 - std::exp(-1.0)) - 1)));
  CHECK(p.second == Approx(3 * (4 * (1 - std::exp(-0.5)) - 2)));
  CHECK(sat.benefit_of(1e-9) == Approx(2e-9));  // slope B at 0
}

TEST_CASE("continuous investment: closed forms over geometric matches",
          "[games][continuous_investment]") {
  const double b = 2, c = 1;
  for (double w : {0.5, 0.9, 0.99}) {
    const auto g = geometric(w, b, c);
    INFO("w = " << w);
    auto p = expected(g, "Fixed(1.5)", "Fixed(0.5)");
    CHECK(p.first == Approx((b * 0.5 - c * 1.5) / (1 - w)));
    CHECK(p.second == Approx((b * 1.5 - c * 0.5) / (1 - w)));
    // RTS against itself raises by b every round.
    p = expected(g, "RTS(1, 0.5)", "RTS(1, 0.5)");
    const double rts = (b - c) * (1 / (1 - w) + 0.5 * w / ((1 - w) * (1 - w)));
    CHECK(p.first == Approx(rts).epsilon(1e-12));
    CHECK(p.second == p.first);
    // Against a non-investor: a, then 0 (matched), then 0 equals 0, so b, then 0, b, ...
    p = expected(g, "RTS(2, 1)", "NonInvestor");
    CHECK(p.first == Approx(-c * (2 + w * w / (1 - w * w))));
    CHECK(p.second == Approx(b * (2 + w * w / (1 - w * w))));
    // Linear reactive against itself: x_t = x* + (a - x*) m^(t-1).
    p = expected(g, "Linear(1, 0.5, 0.8)", "Linear(1, 0.5, 0.8)");
    const double xs = 0.5 / (1 - 0.8);
    CHECK(p.first == Approx((b - c) * (xs / (1 - w) + (1 - xs) / (1 - w * 0.8))).epsilon(1e-12));
    // Two matchers alternate.
    p = expected(g, "Matcher(1)", "Matcher(3)");
    CHECK(p.first == Approx(((b * 3 - c * 1) + w * (b * 1 - c * 3)) / (1 - w * w)));
    CHECK(p.second == Approx(((b * 1 - c * 3) + w * (b * 3 - c * 1)) / (1 - w * w)));
    // RTS(1, 1) vs Fixed(4): 7, 5, 3, then 4, 3 alternating.
    p = expected(g, "RTS(1, 1)", "Fixed(4)");
    CHECK(p.first == Approx(7 + 5 * w + 3 * w * w + w * w * w * (4 + 3 * w) / (1 - w * w)));
  }
  // Investments growing geometrically: Linear(1, 0, 2) doubles; with w = 0.4 the series
  // converges to (B - C) / (1 - 2 w), with w = 0.6 it does not.
  auto p = expected(geometric(0.4), "Linear(1, 0, 2)", "Linear(1, 0, 2)");
  CHECK(p.first == Approx(1 / (1 - 0.8)).epsilon(1e-12));
  CHECK_THROWS_WITH(expected(geometric(0.6), "Linear(1, 0, 2)", "Linear(1, 0, 2)"),
                    Catch::Contains("does not settle"));
}

TEST_CASE("continuous investment: payoff matrix per round", "[games][continuous_investment]") {
  const auto g = geometric(0.9);
  std::vector<games::InvestmentStrategy> s;
  for (const char* t : {"NonInvestor", "Fixed(5)", "RTS(1, 1)"})
    s.push_back(parse_investment_strategy(t));
  const auto m = games::investment_payoff_matrix(g, s);
  REQUIRE(m.size() == 3);
  CHECK(m(0, 0) == 0);
  CHECK(m(0, 1) == Approx(10));  // B x per round from a fixed investor
  CHECK(m(1, 0) == Approx(-5));
  CHECK(m(2, 2) == Approx((1 / 0.1 + 0.9 / 0.01) * 0.1));  // RTS(1, 1) with itself, per round
  CHECK(m(2, 0) == Approx(-(1 + 0.81 / 0.19) * 0.1));      // offers 1, 0, 1, 0, 1, ...
  InvestmentGame bad = g;
  bad.continuation = 1;
  CHECK_THROWS_AS(games::investment_payoff_matrix(bad, s), ModelError);
}

TEST_CASE("continuous investment: simulated matches agree within Monte-Carlo error",
          "[games][continuous_investment]") {
  const char* names[] = {"NonInvestor",        "Fixed(2)",   "RTS(1, 1)",
                         "RTS(4, 0.5)",        "Matcher(6)", "ShortChanger(2, 0.5)",
                         "Linear(1, 0.5, 0.8)"};
  InvestmentGame g = geometric(0.8);
  g.shape = BenefitShape::saturating;
  g.saturation = 3;
  const int matches = 20000;
  std::uint64_t pair = 0;
  for (const char* a : names)
    for (const char* b : names) {
      const auto sa = parse_investment_strategy(a), sb = parse_investment_strategy(b);
      const auto exact = games::expected_investment_payoffs(g, sa, sb);
      Stream rng(11, Purpose::simulation_check, pair++);
      double sum = 0, sum2 = 0, rounds = 0;
      for (int i = 0; i < matches; ++i) {
        const auto m = games::play_investment_match(g, sa, sb, rng);
        sum += m.total.first;
        sum2 += m.total.first * m.total.first;
        rounds += static_cast<double>(m.rounds);
      }
      const double mean = sum / matches;
      const double se = std::sqrt(std::max(0.0, sum2 / matches - mean * mean) / (matches - 1));
      INFO(a << " vs " << b << ": exact " << exact.first << ", simulated " << mean << " +- " << se);
      CHECK(std::abs(mean - exact.first) <= 4 * se + 1e-12);
      CHECK(rounds / matches == Approx(g.expected_rounds()).epsilon(0.03));
    }
}
