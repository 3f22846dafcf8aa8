// ReputationGame::state / restore: a game restored from a state continues to the same views,
// scores and measures as one that never stopped (what the evolution job's checkpoints rely on).
#include <catch2/catch.hpp>

#include "engine/reputation/reputation_game.hpp"

using namespace kindest;
using namespace kindest::reputation;

namespace {

void check_continues(const GameSettings& s, const std::vector<std::string>& specs,
                     std::uint32_t n) {
  std::vector<Strategy> strategies;
  for (const auto& spec : specs) strategies.push_back(parse_strategy(spec));
  std::vector<std::uint32_t> of;
  for (std::uint32_t i = 0; i < n; ++i) of.push_back(i % static_cast<std::uint32_t>(specs.size()));
  ReputationGame whole(s, strategies, of, 77, 3);
  for (int t = 0; t < 5; ++t) whole.play_round();
  const auto saved = whole.state();
  CHECK(saved.round == 5);
  CHECK(saved.views.size() == whole.state_rows() * whole.state_row_width());
  // Another game of the same settings, in another state, takes the saved one.
  std::vector<std::uint32_t> other(n, 0);
  ReputationGame resumed(s, strategies, other, 77, 3);
  resumed.play_round();
  resumed.restore(saved);
  ReputationResults a(specs.size()), b(specs.size());
  a.individual_payoff.assign(n, 0.0);
  b.individual_payoff.assign(n, 0.0);
  for (int t = 0; t < 4; ++t) whole.play_round(&a), resumed.play_round(&b);
  CHECK(resumed.state().views == whole.state().views);
  CHECK(resumed.state().round == 9);
  CHECK(a.cooperations == b.cooperations);
  CHECK(a.good_views == b.good_views);
  CHECK(a.individual_payoff == b.individual_payoff);
  // Per-individual payoffs add up to the per-strategy ones.
  std::vector<double> by(specs.size(), 0.0);
  for (std::uint32_t i = 0; i < n; ++i) by[of[i]] += a.individual_payoff[i];
  for (std::size_t k = 0; k < specs.size(); ++k) CHECK(by[k] == Approx(a.payoff[k]));
}

}  // namespace

TEST_CASE("reputation game state: restore continues to the same bits", "[reputation]") {
  GameSettings s;
  s.norm = parse_norm("SternJudging");
  s.observation_probability = 0.7;
  s.perception_error = 0.05;
  s.execution_error = 0.03;
  s.initial_reputation = InitialReputation::random;
  SECTION("private norms, N not a multiple of 64") {
    check_continues(s, {"ALLC", "ALLD", "DISC", "L3"}, 131);
  }
  SECTION("public institution") {
    s.assessment = Assessment::public_institution;
    check_continues(s, {"ALLC", "ALLD", "DISC"}, 70);
  }
  SECTION("private image scores") {
    s.norm.reset();
    s.interaction = Interaction::random_pairs;
    check_continues(s, {"Score(-5)", "Score(0)", "Score(6)"}, 90);
  }
  SECTION("public image scores") {
    s.norm.reset();
    s.assessment = Assessment::public_observer;
    check_continues(s, {"Score(-1)", "Score(1)"}, 40);
  }
}

TEST_CASE("reputation game state: a state that does not fit is refused", "[reputation]") {
  GameSettings s;
  s.norm = parse_norm("ImageScoring");
  ReputationGame g(s, {parse_strategy("DISC")}, {0, 0, 0}, 1, 0);
  auto st = g.state();
  st.views.pop_back();
  CHECK_THROWS_WITH(g.restore(st), Catch::Contains("view words"));
  st = g.state();
  st.strategy_of[1] = 4;
  CHECK_THROWS_WITH(g.restore(st), Catch::Contains("out of range"));
  CHECK_THROWS_WITH(g.set_strategies({0, 0}), Catch::Contains("2 strategies for 3"));
}
