#include <catch2/catch.hpp>
#include <cmath>

#include "engine/match/match.hpp"
#include "strategies/play.hpp"
#include "strategies/tit_for_tat.hpp"

using namespace kindest;
using kindest::strategies::TitForTat;
using kindest::testing::Cycle;

namespace {
match::MatchResult play(Strategy& a, Strategy& b, match::MatchSettings s, std::uint64_t seed = 1) {
  match::Match m(games::PrisonersDilemma{}, s);
  Stream rng(seed, Purpose::simulation_check, 0, 0, 0);
  return m.play(a, b, rng);
}
}  // namespace

TEST_CASE("match: hand-computed scores without noise", "[match]") {
  TitForTat tft;
  Cycle alld("D"), cd("CD");
  // TFT vs ALLD, 10 turns: CD then 9 x DD -> TFT 0 + 9 = 9, ALLD 5 + 9 = 14.
  auto r = play(tft, alld, {.turns = 10});
  CHECK(r.score[0] == 9);
  CHECK(r.score[1] == 14);
  CHECK(r.cooperations[0] == 1);
  CHECK(r.turns == 10);
  // TFT vs CDCD..., 4 turns: CC, CD, DC, CD -> TFT 3+0+5+0 = 8, other 3+5+0+5 = 13.
  r = play(tft, cd, {.turns = 4});
  CHECK(r.score[0] == 8);
  CHECK(r.score[1] == 13);
}

TEST_CASE("match: execution noise flips a move with probability epsilon", "[match]") {
  Cycle allc("C");
  const double eps = 0.05;
  const auto r = play(allc, allc, {.turns = 200000, .execution_error_rate = eps}, 9);
  const double n = 200000;
  for (int p = 0; p < 2; ++p) {
    const double rate = static_cast<double>(r.cooperations[p]) / n;
    CHECK(std::abs(rate - (1 - eps)) < 5 * std::sqrt(eps * (1 - eps) / n));
  }
}

TEST_CASE("match: the history shows moves as played, so noise provokes TFT", "[match]") {
  TitForTat a, b;
  match::Match m(games::PrisonersDilemma{}, {.turns = 2000, .execution_error_rate = 0.1});
  Stream rng(5, Purpose::simulation_check);
  m.play(a, b, rng);
  const auto moves = m.moves();
  // Without noise each TFT repeats the other's previous move exactly; every departure is a flip.
  int departures = 0;
  for (std::size_t t = 1; t < moves.size(); ++t)
    departures += moves[t].first != moves[t - 1].second;
  const double rate = departures / 1999.0;
  CHECK(std::abs(rate - 0.1) < 5 * std::sqrt(0.09 / 1999));
}

TEST_CASE("match: random length with continuation w averages 1/(1-w) turns", "[match]") {
  TitForTat a, b;
  match::Match m(games::PrisonersDilemma{}, {.turns = 1, .continuation_probability = 0.8});
  double total = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    Stream rng(11, Purpose::simulation_check, static_cast<std::uint64_t>(i));
    const auto r = m.play(a, b, rng);
    REQUIRE(r.score[0] == 3.0 * static_cast<double>(r.turns));
    total += static_cast<double>(r.turns);
  }
  const double sd = std::sqrt(0.8) / 0.2;
  CHECK(std::abs(total / n - 5.0) < 5 * sd / std::sqrt(n));
}

TEST_CASE("match: same seed gives the same match", "[match]") {
  Cycle allc("C");
  const auto a = play(allc, allc, {.turns = 1000, .execution_error_rate = 0.3}, 77);
  const auto b = play(allc, allc, {.turns = 1000, .execution_error_rate = 0.3}, 77);
  const auto c = play(allc, allc, {.turns = 1000, .execution_error_rate = 0.3}, 78);
  CHECK(a.score == b.score);
  CHECK(a.score != c.score);
}

namespace {
// Cooperates, and remembers what the match told it before its first move.
class AttributesProbe final : public StrategyOf<AttributesProbe> {
 public:
  static constexpr StrategyInfo info{.id = "test.AttributesProbe",
                                     .name = "Attributes probe",
                                     .aliases = "",
                                     .summary = "Test strategy recording match attributes.",
                                     .cite = "",
                                     .memory_depth = 0,
                                     .stochastic = false};
  Action move(const History& own, const History&, Stream&) override {
    if (own.empty()) told = match_attributes();
    return Action::C;
  }
  MatchAttributes told{.length = -1, .payoffs = {}};
};
}  // namespace

TEST_CASE("match: players are told the length of a fixed match and the game", "[match]") {
  AttributesProbe a, b;
  match::Match m(
      games::PrisonersDilemma{.reward = 4, .sucker = -1, .temptation = 6, .punishment = 0.5},
      {.turns = 7});
  Stream rng(1, Purpose::simulation_check, 0, 0, 0);
  m.play(a, b, rng);
  for (const auto* p : {&a, &b}) {
    CHECK(p->told.length == std::optional<std::int64_t>(7));
    CHECK(p->told.payoffs == std::array<double, 4>{4, -1, 6, 0.5});
    CHECK(p->told.payoff(Action::D, Action::C) == 6);
  }
}

TEST_CASE("match: a match of random length does not tell its length", "[match]") {
  AttributesProbe a, b;
  const auto r = play(a, b, {.continuation_probability = 0.9});
  CHECK(r.turns >= 1);
  CHECK_FALSE(a.told.length.has_value());
  CHECK_FALSE(b.told.length.has_value());
}

TEST_CASE("match: Cooperator against Tideman and Chieruzzi scores 594, as in the Axelrod library",
          "[match]") {
  // It defects on the last two of 200 moves: 198 x 3 + 2 x 0 = 594 for the cooperator and
  // 198 x 3 + 2 x 5 = 604 for it (600 each when the length was hidden).
  auto allc = kindest::testing::make("Cooperator")->clone();
  auto tc = kindest::testing::make("FirstByTidemanAndChieruzzi")->clone();
  const auto r = play(*allc, *tc, {.turns = 200});
  CHECK(r.score[0] == 594);
  CHECK(r.score[1] == 604);
}
