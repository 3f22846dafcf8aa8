// [reputation], [game] and [population] strategies as the reputation model's settings: every key
// reaches its field, and each kind of bad input gets one message naming key and value.
#include <catch2/catch.hpp>

#include "config_error.hpp"
#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/population_game.hpp"
#include "engine/jobs/reputation_settings.hpp"
#include "engine/reputation/norm.hpp"
#include "strategies/registry.hpp"
#include "strategy_resolver.hpp"

using namespace kindest;
using Catch::Matchers::Contains;

namespace {
config::Config load(std::vector<std::string> overrides) {
  overrides.insert(overrides.begin(), "game.type=donation_game");
  return config::load_config("", overrides);
}
}  // namespace

TEST_CASE("reputation settings: every key reaches the model's settings", "[jobs][reputation]") {
  const auto s = jobs::reputation_settings(
      load({"game.benefit=5", "game.cost=1", "reputation.assessment=private",
            "reputation.interaction=all_pairs", "reputation.norm=SternJudging",
            "reputation.observation_probability=0.9", "reputation.execution_error=0.01",
            "reputation.perception_error=0.05", "reputation.assessment_error=0.02",
            "reputation.empathy=0.5", "reputation.initial_reputation=random"}));
  CHECK(s.benefit == 5);
  CHECK(s.cost == 1);
  CHECK(s.assessment == reputation::Assessment::private_views);
  CHECK(s.interaction == reputation::Interaction::all_pairs);
  REQUIRE(s.norm);
  CHECK(*s.norm == reputation::Norm::second_order(9));  // Stern Judging: G iff C toward G
  CHECK(s.observation_probability == 0.9);
  CHECK(s.execution_error == 0.01);
  CHECK(s.perception_error == 0.05);
  CHECK(s.assessment_error == 0.02);
  CHECK(s.empathy == 0.5);
  CHECK(s.initial_reputation == reputation::InitialReputation::random);

  // The defaults: private views, sweeps, no norm, no errors, everyone good.
  const auto d = jobs::reputation_settings(load({}));
  CHECK(d.assessment == reputation::Assessment::private_views);
  CHECK(d.interaction == reputation::Interaction::sweeps);
  CHECK(!d.norm);
  CHECK(d.observation_probability == 1);
  CHECK(d.execution_error + d.perception_error + d.assessment_error + d.empathy == 0);
  CHECK(d.initial_reputation == reputation::InitialReputation::good);

  CHECK(jobs::reputation_settings(load({"reputation.assessment=public"})).assessment ==
        reputation::Assessment::public_institution);
  CHECK(jobs::reputation_settings(
            load({"reputation.assessment=public", "reputation.public_assessor=observer"}))
            .assessment == reputation::Assessment::public_observer);
  // public_assessor means nothing for private views.
  CHECK(jobs::reputation_settings(load({"reputation.public_assessor=observer"})).assessment ==
        reputation::Assessment::private_views);
  CHECK(*jobs::reputation_settings(load({"reputation.norm=third:186"})).norm ==
        reputation::Norm::third_order(186));

  const auto rounds =
      jobs::reputation_rounds(load({"reputation.burn_in=0", "reputation.window=7"}));
  CHECK(rounds.burn_in == 0);
  CHECK(rounds.window == 7);
}

TEST_CASE("reputation settings: [population] strategies are reputation strategies",
          "[jobs][reputation]") {
  const auto s =
      jobs::reputation_strategies(load({"population.strategies=ALLC, ALLD, disc, L3, Action(9), "
                                        "Pair(stochastic:0,1,0,1,0,1,0,1/DISC)",
                                        "reputation.norm=SternJudging"}));
  REQUIRE(s.size() == 6);
  CHECK(s[0].name == "ALLC");
  CHECK(s[2].name == "DISC");
  CHECK(s[2].action.code == reputation::discriminate_rule);
  CHECK(!s[2].norm);
  CHECK(s[3].name == "L3");
  REQUIRE(s[3].norm);
  CHECK(*s[3].norm == reputation::Norm::third_order(reputation::find_norm("L3").third_order_code));
  CHECK(s[4].action.code == 9);
  REQUIRE(s[5].norm);  // the commas inside Pair(...) belong to the spec
  CHECK(*s[5].norm == reputation::Norm::second_order(10));
  // Strategies with their own norms need no population norm; image scores need none at all.
  CHECK(jobs::reputation_strategies(load({"population.strategies=L1,L8"})).size() == 2);
  CHECK(jobs::reputation_strategies(load({"population.strategies=Score(0),ALLD"})).size() == 2);
}

TEST_CASE("reputation settings: bad input names key and value", "[jobs][reputation][bad-input]") {
  struct Bad {
    std::vector<std::string> overrides;
    std::vector<std::string> expect;  // parts of the one message
  };
  const std::vector<Bad> table = {
      {{"reputation.norm=SternJudgin", "population.strategies=DISC"},
       {"[reputation] norm = SternJudgin", "unknown norm", "did you mean 'SternJudging'",
        "on the command line"}},
      {{"reputation.norm=third:256", "population.strategies=DISC"},
       {"[reputation] norm = third:256", "[0, 255]"}},
      {{"reputation.norm=second:16", "population.strategies=DISC"},
       {"[reputation] norm = second:16", "[0, 15]"}},
      {{"population.strategies=DISC"},
       {"[population] strategies = DISC", "strategy DISC judges with the population's norm",
        "[reputation] norm is empty"}},
      {{"population.strategies=L1", "reputation.assessment=public"},
       {"[reputation] public_assessor = institution", "[reputation] norm is empty"}},
      {{"population.strategies=L1, Discriminator", "reputation.norm=L1"},
       {"[population] strategies = L1, Discriminator",
        "unknown reputation strategy "
        "'Discriminator'"}},
      {{"population.strategies=Pair(L9/DISC)"}, {"[population] strategies", "unknown norm 'L9'"}},
      {{"population.strategies=Score(7)"}, {"Score(7)", "[-5, 6]"}},
      {{"population.strategies=Score(0), L1"}, {"[population] strategies", "cannot be mixed"}},
      {{"population.strategies="}, {"[population] strategies is empty", "at least one strategy"}},
      {{"population.strategies=Pair(L1/DISC"}, {"unbalanced parentheses"}},
      {{"game.type=prisoners_dilemma", "population.strategies=L1"},
       {"[game] type = prisoners_dilemma", "donation_game"}},
  };
  for (const auto& bad : table) {
    std::string what;
    for (const auto& o : bad.overrides) what += o + " ";
    INFO(what);
    testing::check_config_error(
        [&] {
          const auto c = load(bad.overrides);
          jobs::reputation_settings(c);
          jobs::reputation_strategies(c);
        },
        bad.expect);
  }
  // Probabilities and N are refused when the config loads, naming the allowed range.
  CHECK_THROWS_WITH(load({"reputation.execution_error=1.5"}),
                    Contains("[reputation] execution_error = 1.5") && Contains("[0, 1]"));
  CHECK_THROWS_WITH(load({"reputation.observation_probability=-0.1"}),
                    Contains("[reputation] observation_probability = -0.1") && Contains("[0, 1]"));
  CHECK_THROWS_WITH(load({"reputation.empathy=2"}), Contains("[reputation] empathy = 2"));
  CHECK_THROWS_WITH(load({"population.size=1"}),
                    Contains("[population] size = 1") && Contains("[2, "));
  CHECK_THROWS_WITH(load({"reputation.assessment=shared"}),
                    Contains("[reputation] assessment = shared") && Contains("public, private"));
}

TEST_CASE("reputation settings: jobs without the reputation game refuse source = reputation",
          "[jobs][reputation][bad-input]") {
  const jobs::PlayerResolver& resolve = testing::resolver();
  // The reputation strategies must never reach the Axelrod-style resolver.
  const std::vector<std::string> base = {"payoffs.source=reputation",
                                         "population.strategies=L1,ALLD"};
  for (const char* job : {"evolution", "analysis"}) {
    auto o = base;
    o.push_back(std::string("run.job=") + job);
    CHECK_THROWS_WITH(jobs::population_game_from_config(load(o), resolve),
                      Contains("[payoffs] source = reputation is not yet supported by job = " +
                               std::string(job)));
  }
  auto o = base;
  o.push_back("run.job=replicator");
  CHECK_THROWS_WITH(jobs::population_game_from_config(load(o), resolve),
                    Contains("[payoffs] source = reputation is not read by job = replicator"));
}

TEST_CASE("reputation settings: observation reaches the model and is checked against the rest",
          "[jobs][reputation]") {
  CHECK(jobs::reputation_settings(load({})).observation == reputation::Observation::each_action);
  CHECK(jobs::reputation_settings(load({"reputation.observation=one_action_per_donor",
                                        "reputation.interaction=all_pairs"}))
            .observation == reputation::Observation::one_action_per_donor);
  CHECK_THROWS_WITH(
      jobs::reputation_settings(load({"reputation.observation=one_action_per_donor"})),
      Contains("[reputation] observation = one_action_per_donor") &&
          Contains("interaction = all_pairs"));
  CHECK_THROWS_WITH(jobs::reputation_settings(
                        load({"reputation.observation=one_action_per_donor",
                              "reputation.interaction=all_pairs", "reputation.assessment=public"})),
                    Contains("assessment = private"));
  CHECK_THROWS_WITH(jobs::reputation_settings(load({"reputation.observation=each_pair"})),
                    Contains("observation") && Contains("one_action_per_donor"));
}
