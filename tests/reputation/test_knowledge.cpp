// [reputation] knowledge_probability, Nowak's q (Nowak & Sigmund 2005; Nowak 2006): the donor
// knows the recipient's reputation with probability q, else acts as toward a good recipient.
// Checked against Nowak's expected payoff matrix (a closed form), against a plain re-reading of
// the documented draws (knowledge_stream, one draw per action, in action order), and for q = 1
// against the game without the feature (no draw, the fast paths, the same bits).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "config_error.hpp"
#include "engine/config/load.hpp"
#include "engine/jobs/reputation_settings.hpp"
#include "engine/reputation/reputation_game.hpp"
#include "tests/reputation/parse_all.hpp"

using namespace kindest;
using namespace kindest::reputation;
using Catch::Matchers::Contains;
using kindest::testing::parse_all;

namespace {

std::vector<std::uint32_t> individuals(std::uint32_t first, std::uint32_t second) {
  std::vector<std::uint32_t> of(first, 0);
  of.insert(of.end(), second, 1);
  return of;
}

}  // namespace

TEST_CASE("knowledge probability: DISC vs ALLD earn Nowak's matrix in expectation",
          "[reputation][knowledge]") {
  // L1, no errors, everyone good at the start, all_pairs: a good donor's C is good toward
  // anyone (GG-C, GB-C -> G) and its D toward a bad recipient is good (GB-D -> G), so DISC stays
  // good; an ALLD's D toward a good DISC is bad (GG-D -> B) and a bad donor's D stays bad (BG-D,
  // BB-D -> B), so every ALLD is bad after round 0. Per co-player then DISC/DISC b - c,
  // DISC/ALLD -c (1 - q), ALLD/DISC b (1 - q), ALLD/ALLD 0 (Nowak 2006): with i DISC and N - i
  // ALLD, per round pi_DISC = (i - 1)(b - c) - (N - i) c (1 - q), pi_ALLD = i b (1 - q). The
  // unknowns are independent Bernoulli(1 - q) per action, so the window means have standard
  // errors c sqrt(q(1-q)(N-i)/(i W)) and b sqrt(q(1-q) i/((N-i) W)).
  const double b = 4, c = 1;
  const std::uint32_t n = 40;
  const std::uint64_t window = 200;
  for (const auto assessment : {Assessment::public_institution, Assessment::private_views})
    for (const double q : {0.25, 0.5, 0.9})
      for (const std::uint32_t i : {1u, 20u, 39u}) {
        INFO("assessment " << int(assessment) << " q " << q << " DISC " << i);
        GameSettings s;
        s.benefit = b;
        s.cost = c;
        s.assessment = assessment;
        s.interaction = Interaction::all_pairs;
        s.norm = parse_norm("L1");
        s.knowledge_probability = q;
        ReputationGame g(s, parse_all({"DISC", "ALLD"}), individuals(i, n - i), 7, 0);
        const auto r = g.run(2, window);
        for (std::uint32_t k = 0; k < n; ++k) {
          CHECK(g.good(0, k) == (k < i));  // DISC good, ALLD bad, as the closed form needs
          CHECK(g.good(n - 1, k) == (k < i));
        }
        const double disc = (i - 1.0) * (b - c) - (n - i) * c * (1 - q);
        const double alld = i * b * (1 - q);
        const double se_disc = c * std::sqrt(q * (1 - q) * (n - i) / (double(i) * window));
        const double se_alld = b * std::sqrt(q * (1 - q) * i / (double(n - i) * window));
        CHECK(std::abs(r.mean_payoff(0) - disc) < 4 * se_disc + 1e-12);
        CHECK(std::abs(r.mean_payoff(1) - alld) < 4 * se_alld + 1e-12);
        if (i > 1) CHECK(r.cooperation_rate(0, 0) == 1.0);  // DISC always helps DISC
        CHECK(r.cooperations[1 * 2 + 0] + r.cooperations[1 * 2 + 1] == 0);  // ALLD never gives
        const double known = r.cooperation_rate(0, 1);
        CHECK(std::abs(known - (1 - q)) <
              4 * std::sqrt(q * (1 - q) / (double(i) * (n - i) * window)));
      }
}

TEST_CASE("knowledge probability: the draws are those docs/STREAMS.md documents",
          "[reputation][knowledge]") {
  // A plain re-reading of the public institution's game with knowledge draws: stream 0 as in
  // test_reputation_game.cpp (schedule, then per action the execution error if C is intended,
  // the observation, the perception and assessment errors) and, for every action, one
  // Bernoulli(q) from knowledge_stream(run, t) before them; an unknown recipient is acted on
  // as good.
  Stream pick(2005, Purpose::simulation_check);
  for (int trial = 0; trial < 12; ++trial) {
    GameSettings s;
    s.assessment = Assessment::public_institution;
    s.interaction = static_cast<Interaction>(pick.below(3));
    const std::uint32_t n = 2 + static_cast<std::uint32_t>(pick.below(40));
    s.norm = Norm::third_order(static_cast<std::uint8_t>(pick.below(256)));
    s.observation_probability = trial % 3 == 0 ? 1.0 : pick.uniform();
    s.execution_error = trial % 2 == 0 ? 0.0 : 0.2 * pick.uniform();
    s.perception_error = 0.1 * pick.uniform();
    s.assessment_error = trial % 4 == 0 ? 0.0 : 0.1 * pick.uniform();
    s.initial_reputation = static_cast<InitialReputation>(pick.below(3));
    s.knowledge_probability = trial == 0 ? 0.0 : pick.uniform();
    const std::vector<std::string> specs{"ALLC", "ALLD", "DISC",
                                         "Action(" + std::to_string(pick.below(16)) + ")",
                                         "L" + std::to_string(1 + pick.below(8))};
    const auto strategies = parse_all(specs);
    std::vector<std::uint32_t> of(n);
    for (auto& k : of) k = static_cast<std::uint32_t>(pick.below(specs.size()));
    INFO("trial " << trial << " n " << n << " q " << s.knowledge_probability);
    ReputationGame game(s, strategies, of, 41, trial);
    std::vector<bool> view(n);
    for (std::uint32_t k = 0; k < n; ++k) view[k] = game.good(0, k);
    BernoulliTrials execution(s.execution_error), perception(s.perception_error),
        assessment(s.assessment_error);
    std::vector<std::uint64_t> cooperations(specs.size() * specs.size());
    ReputationResults measured(specs.size());
    for (std::uint64_t round = 0; round < 6; ++round) {
      game.play_round(&measured);
      Stream play(41, Purpose::assessment, trial, round, 0);
      Stream know(41, Purpose::knowledge,
                  Where{static_cast<std::uint64_t>(trial), round,
                        static_cast<std::uint64_t>(Purpose::assessment), 0});
      execution.reset(), perception.reset(), assessment.reset();
      std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
      draw_schedule(s.interaction, n, play, pairs);
      for (const auto& [d, r] : pairs) {
        const bool known = know.bernoulli(s.knowledge_probability);
        const bool intends = strategies[of[d]].action.cooperates(view[d], !known || view[r]);
        const bool coop = intends && !execution.next(play);
        cooperations[of[d] * specs.size() + of[r]] += coop;
        if (s.observation_probability < 1 && !play.bernoulli(s.observation_probability)) continue;
        const bool perceived = coop != perception.next(play);
        view[d] = s.norm->good(view[d], view[r], perceived) != assessment.next(play);
      }
      bool same = true;
      for (std::uint32_t k = 0; k < n; ++k) same = same && game.good(0, k) == view[k];
      REQUIRE(same);
    }
    CHECK(measured.cooperations == cooperations);
  }
}

TEST_CASE("knowledge probability: q = 1 is the game without it, bit for bit",
          "[reputation][knowledge]") {
  // q = 1 draws nothing and keeps the fast paths (play_public, play_private), which the
  // reference-equality tests of test_reputation_game.cpp cover; the pinned checksums there run
  // with the default q = 1. Here: a q just below 1 takes the reference loop, whose knowledge
  // draws all come out "known" for these seeds, and gives the same views and actions as q = 1
  // on the fast path -- the reference loop and the fast paths agree draw for draw.
  for (const auto assessment : {Assessment::public_institution, Assessment::private_views}) {
    INFO("assessment " << int(assessment));
    GameSettings s;
    s.assessment = assessment;
    s.norm = parse_norm("SternJudging");
    s.observation_probability = 0.9;
    s.execution_error = 0.02;
    s.perception_error = 0.02;
    s.assessment_error = 0.01;
    s.initial_reputation = InitialReputation::random;
    const auto strategies = parse_all({"DISC", "L3", "ALLD"});
    std::vector<std::uint32_t> of(150);
    for (std::uint32_t k = 0; k < of.size(); ++k) of[k] = k % 3;
    ReputationGame fast(s, strategies, of, 5, 2);
    s.knowledge_probability = std::nextafter(1.0, 0.0);  // a draw per action, never "unknown"
    ReputationGame reference(s, strategies, of, 5, 2);
    const auto a = fast.run(3, 5), b = reference.run(3, 5);
    CHECK(a.cooperations == b.cooperations);
    CHECK(a.payoff == b.payoff);
    CHECK(a.good_views == b.good_views);
  }
}

TEST_CASE("knowledge probability: the key is read and checked", "[reputation][knowledge]") {
  const auto load = [](std::vector<std::string> o) {
    o.insert(o.begin(), "game.type=donation_game");
    return config::load_config("", o);
  };
  CHECK(jobs::reputation_settings(load({})).knowledge_probability == 1);
  CHECK(jobs::reputation_settings(load({"reputation.knowledge_probability=0.25"}))
            .knowledge_probability == 0.25);
  CHECK(jobs::reputation_settings(load({"reputation.knowledge_probability=0"}))
            .knowledge_probability == 0);
  CHECK_THROWS_WITH(load({"reputation.knowledge_probability=1.5"}),
                    Contains("[reputation] knowledge_probability = 1.5 is outside [0, 1]"));
  testing::check_config_error(
      [&] {
        jobs::reputation_settings(load(
            {"reputation.knowledge_probability=0.5", "reputation.assessment=private",
             "reputation.interaction=all_pairs", "reputation.observation=one_action_per_donor"}));
      },
      {"[reputation] knowledge_probability = 0.5", "observation = each_action"});
  testing::check_config_error(
      [&] {
        jobs::reputation_strategies(
            load({"reputation.knowledge_probability=0.5", "population.strategies=Score(0), ALLD"}));
      },
      {"[reputation] knowledge_probability = 0.5", "image scores"});
  GameSettings s;
  s.knowledge_probability = -0.1;
  CHECK_THROWS_WITH(ReputationGame(s, parse_all({"ALLC"}), {0, 0}, 1, 0),
                    Contains("knowledge_probability"));
}
