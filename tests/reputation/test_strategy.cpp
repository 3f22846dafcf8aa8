#include <catch2/catch.hpp>

#include "engine/reputation/strategy.hpp"

using namespace kindest::reputation;

TEST_CASE("strategy: specs parse to action rules and norms", "[reputation]") {
  const auto allc = parse_strategy("allc");
  CHECK(allc.name == "ALLC");
  CHECK(allc.action.code == 15);
  CHECK_FALSE(allc.norm);
  CHECK(allc.scores_ok);
  CHECK(allc.score_threshold() == -5);
  CHECK(parse_strategy("ALLD").score_threshold() == 6);
  const auto disc = parse_strategy("DISC");
  CHECK(disc.action.cooperates(false, true));
  CHECK_FALSE(disc.action.cooperates(true, false));
  CHECK_FALSE(disc.scores_ok);
  const auto l1 = parse_strategy("L1");
  CHECK(*l1.norm == parse_norm("L1"));
  CHECK(l1.action.cooperates(false, false));  // L1 and L2 help a B recipient when bad
  CHECK_FALSE(parse_strategy("L3").action.cooperates(false, false));
  const auto pair = parse_strategy("Pair(SternJudging/DISC)");
  CHECK(*pair.norm == parse_norm("SternJudging"));
  CHECK(pair.action.code == discriminate_rule);
  CHECK(parse_strategy("Pair(third:186/11)").norm->code() == 186);
  CHECK(parse_strategy("Action(3)").action.code == 3);
  const auto score = parse_strategy("Score(-2)");
  CHECK(*score.threshold == -2);
  CHECK_FALSE(score.norms_ok);
}

TEST_CASE("strategy: bad specs get clear messages", "[reputation]") {
  CHECK_THROWS_WITH(parse_strategy("DISK"), Catch::Contains("unknown reputation strategy 'DISK'") &&
                                                Catch::Contains("did you mean"));
  CHECK_THROWS_WITH(parse_strategy("Score(7)"), Catch::Contains("[-5, 6]"));
  CHECK_THROWS_WITH(parse_strategy("Action(16)"), Catch::Contains("[0, 15]"));
  CHECK_THROWS_WITH(parse_strategy("Pair(Sterning/DISC)"), Catch::Contains("unknown norm"));
  CHECK_THROWS_WITH(parse_strategy("Pair(SternJudging)"), Catch::Contains("Pair(NORM/R)"));
}
