// Groups in the reputation game: tags dealt in turn, the in-group draw, group-aware strategies,
// one group equal to the well-mixed game bit for bit, and closed forms of the reputation
// dynamics with in-group favouritism.
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "engine/reputation/groups.hpp"
#include "engine/reputation/reputation_game.hpp"
#include "tests/reputation/parse_all.hpp"

using namespace kindest;
using namespace kindest::reputation;
using Catch::Matchers::Contains;
using kindest::testing::parse_all;

namespace {

std::vector<std::uint32_t> individuals(const std::vector<std::uint32_t>& counts) {
  std::vector<std::uint32_t> of;
  for (std::uint32_t s = 0; s < counts.size(); ++s) of.insert(of.end(), counts[s], s);
  return of;
}

// Plays `rounds` rounds (measured) and returns the results and the final state.
std::pair<ReputationResults, ReputationGame::State> play(const GameSettings& s,
                                                         const std::vector<std::string>& specs,
                                                         const std::vector<std::uint32_t>& counts,
                                                         std::uint64_t rounds) {
  ReputationGame game(s, parse_all(specs), individuals(counts), 7, 3);
  auto r = game.run(rounds / 2, rounds - rounds / 2);
  return {r, game.state()};
}

void check_same(const std::pair<ReputationResults, ReputationGame::State>& a,
                const std::pair<ReputationResults, ReputationGame::State>& b) {
  CHECK(a.second.views == b.second.views);
  CHECK(a.second.round == b.second.round);
  CHECK(a.first.actions == b.first.actions);
  CHECK(a.first.cooperations == b.first.cooperations);
  CHECK(a.first.good_views == b.first.good_views);
  CHECK(a.first.payoff == b.first.payoff);
  CHECK(a.first.in_group_actions == b.first.in_group_actions);
  CHECK(a.first.in_group_cooperations == b.first.in_group_cooperations);
}

}  // namespace

TEST_CASE("groups: individuals are dealt in turn and the counts sum to N", "[reputation][groups]") {
  const auto g = Groups::equal(10, 3);
  CHECK(g.sizes() == std::vector<std::uint32_t>{4, 3, 3});
  for (std::uint32_t i = 0; i < 10; ++i) CHECK(g.group_of(i) == i % 3);
  // Listed sizes: a full group is skipped in the cycle.
  const auto h = Groups::from_sizes({1, 3, 2});
  CHECK(h.tags() == std::vector<std::uint32_t>{0, 1, 2, 1, 2, 1});
  for (const auto& groups : {g, h, Groups(7), Groups::equal(100, 7), Groups::equal(5, 5)}) {
    std::vector<std::uint32_t> counted(groups.count(), 0);
    for (const auto t : groups.tags()) ++counted[t];
    CHECK(counted == groups.sizes());
    std::uint64_t total = 0;
    for (std::uint32_t k = 0; k < groups.count(); ++k) {
      total += groups.size_of(k);
      for (std::uint32_t m = 0; m < groups.size_of(k); ++m)
        CHECK(groups.group_of(groups.member(k, m)) == k);
    }
    CHECK(total == groups.individuals());
  }
  CHECK_THROWS_WITH(Groups::from_sizes({3, 0}), Contains("group 1 is empty"));
  CHECK_THROWS_WITH(Groups::equal(4, 5), Contains("allowed 1 .. 4"));
}

TEST_CASE("groups: the in-group draw has the asked probability and uniform members",
          "[reputation][groups]") {
  const auto groups = Groups::from_sizes({5, 3, 4});
  const double p = 0.7;
  Stream rng(5, Purpose::assessment, 0, 0, 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::uint64_t in = 0, total = 0;
  std::vector<std::uint64_t> hits(12, 0);  // out-group recipients of donors in group 0
  std::uint64_t out_of_0 = 0;
  for (int round = 0; round < 4000; ++round) {
    draw_group_pairs(groups, p, rng, pairs);
    REQUIRE(pairs.size() == 12);
    for (const auto& [d, r] : pairs) {
      REQUIRE(d != r);
      ++total;
      if (groups.same(d, r)) {
        ++in;
      } else if (groups.group_of(d) == 0) {
        ++hits[r];
        ++out_of_0;
      }
    }
  }
  const double n = static_cast<double>(total);
  CHECK(std::abs(static_cast<double>(in) / n - p) < 5 * std::sqrt(p * (1 - p) / n));
  // Group 0's out-group recipients: uniform over the 7 members of groups 1 and 2.
  for (std::uint32_t i = 0; i < 12; ++i) {
    if (groups.group_of(i) == 0) {
      CHECK(hits[i] == 0);
      continue;
    }
    const double q = 1.0 / 7, m = static_cast<double>(out_of_0);
    CHECK(std::abs(static_cast<double>(hits[i]) / m - q) < 5 * std::sqrt(q * (1 - q) / m));
  }
  // Donors uniform over the 12; group 0's in-group recipients uniform over its other members
  // (the draw packs donors, sides and members separately: each must stay uniform).
  std::vector<std::uint64_t> as_donor(12, 0), in_hits(12 * 12, 0);
  for (int round = 0; round < 4000; ++round) {
    draw_group_pairs(groups, p, rng, pairs);
    for (const auto& [d, r] : pairs) {
      ++as_donor[d];
      if (groups.same(d, r)) ++in_hits[d * 12 + r];
    }
  }
  for (std::uint32_t i = 0; i < 12; ++i) {
    const double q = 1.0 / 12, m = 4000.0 * 12;
    CHECK(std::abs(static_cast<double>(as_donor[i]) / m - q) < 5 * std::sqrt(q * (1 - q) / m));
    std::uint64_t row = 0;
    for (std::uint32_t j = 0; j < 12; ++j) row += in_hits[i * 12 + j];
    const double size = groups.size_of(groups.group_of(i)), share = 1.0 / (size - 1);
    for (std::uint32_t j = 0; j < 12; ++j) {
      if (!groups.same(i, j) || i == j) {
        CHECK(in_hits[i * 12 + j] == 0);
        continue;
      }
      const double f = static_cast<double>(in_hits[i * 12 + j]) / static_cast<double>(row);
      CHECK(std::abs(f - share) < 5 * std::sqrt(share * (1 - share) / static_cast<double>(row)));
    }
  }
  // p = 1 and p = 0 always / never stay in the group.
  for (double edge : {0.0, 1.0}) {
    draw_group_pairs(groups, edge, rng, pairs);
    for (const auto& [d, r] : pairs) CHECK(groups.same(d, r) == (edge == 1.0));
  }
  CHECK(in_group_problem(Groups(10), 0.5, true).value() ==
        "in_group_probability needs at least 2 "
        "groups (one group is the well-mixed "
        "population)");
  CHECK_THAT(in_group_problem(groups, 0.5, false).value(), Contains("random_pairs"));
  CHECK_THAT(in_group_problem(Groups::from_sizes({1, 3}), 0.5, true).value(),
             Contains("group 0 has 1"));
  CHECK_FALSE(in_group_problem(Groups::from_sizes({1, 3}), 0.0, true));
}

TEST_CASE("groups: Group(IN, OUT) specs", "[reputation][groups]") {
  const auto s = parse_strategy("group(DISC, ALLD)");
  CHECK(s.name == "Group(DISC, ALLD)");
  CHECK(s.grouped);
  CHECK(s.action.code == discriminate_rule);
  CHECK(s.out_action.code == always_defect_rule);
  CHECK_FALSE(s.norm);
  CHECK_FALSE(s.out_norm);
  const auto t = parse_strategy("Group(L6, Pair(stochastic:0,1,0.5,1,0,1,0,1/ALLC))");
  CHECK(*t.norm == parse_norm("SternJudging"));
  CHECK(t.out_norm->probability_good(2) == 0.5);
  CHECK(t.out_action.code == always_cooperate_rule);
  // Every other spec is the same toward everyone.
  const auto l3 = parse_strategy("L3");
  CHECK(l3.out_action == l3.action);
  CHECK(*l3.out_norm == *l3.norm);
  CHECK_FALSE(l3.grouped);
  CHECK_THROWS_WITH(parse_strategy("Group(DISC)"), Contains("write Group(IN, OUT)"));
  CHECK_THROWS_WITH(parse_strategy("Group(DISC, ALLD, ALLC)"), Contains("write Group(IN, OUT)"));
  CHECK_THROWS_WITH(parse_strategy("Group(Score(0), ALLD)"), Contains("not Score(K)"));
  CHECK_THROWS_WITH(parse_strategy("Group(Group(DISC, ALLD), ALLD)"), Contains("nested"));
  CHECK_THROWS_WITH(parse_strategy("Group(DSC, ALLD)"), Contains("unknown reputation strategy"));
}

TEST_CASE("groups: with one group every model is the well-mixed game, bit for bit",
          "[reputation][groups]") {
  // One group: out-group rules and norms are never used, so Group(IN, OUT) plays as IN and a
  // game given the one group's size plays as one given no groups.
  GameSettings s;
  s.norm = parse_norm("SimpleStanding");
  s.execution_error = 0.02;
  s.perception_error = 0.05;
  s.assessment_error = 0.01;
  s.observation_probability = 0.8;
  s.empathy = 0.3;
  s.initial_reputation = InitialReputation::random;
  s.out_group_norm = parse_norm("ImageScoring");  // never used with one group
  const std::vector<std::string> plain{"DISC", "L6", "Pair(stochastic:0,1,0.3,1,0,1,0.5,1/DISC)"};
  const std::vector<std::string> grouped{"Group(DISC, ALLD)", "Group(L6, Pair(L2/ALLC))",
                                         "Group(Pair(stochastic:0,1,0.3,1,0,1,0.5,1/DISC), ALLC)"};
  const std::vector<std::uint32_t> counts{30, 20, 20};
  struct Case {
    Assessment assessment;
    Interaction interaction;
    Observation observation;
  };
  for (const auto& c :
       {Case{Assessment::private_views, Interaction::sweeps, Observation::each_action},
        Case{Assessment::private_views, Interaction::random_pairs, Observation::each_action},
        Case{Assessment::private_views, Interaction::all_pairs, Observation::one_action_per_donor},
        Case{Assessment::public_institution, Interaction::random_pairs, Observation::each_action},
        Case{Assessment::public_observer, Interaction::sweeps, Observation::each_action}}) {
    INFO("assessment " << static_cast<int>(c.assessment) << ", interaction "
                       << static_cast<int>(c.interaction));
    s.assessment = c.assessment;
    s.interaction = c.interaction;
    s.observation = c.observation;
    GameSettings one = s;
    one.group_sizes = {70};
    const auto base = play(s, plain, counts, 20);
    check_same(base, play(one, plain, counts, 20));
    check_same(base, play(one, grouped, counts, 20));
    CHECK(base.first.out_group_actions == 0);
    CHECK(base.first.in_group_actions ==
          std::accumulate(base.first.actions.begin(), base.first.actions.end(), 0ull));
  }
}

TEST_CASE("groups: in-group favouritism Group(ALLC, ALLD) helps exactly its own group",
          "[reputation][groups]") {
  GameSettings s;
  s.norm = parse_norm("SternJudging");
  s.group_sizes = {10, 10, 10};
  for (const auto& [interaction, observation] :
       {std::pair{Interaction::random_pairs, Observation::each_action},
        std::pair{Interaction::all_pairs, Observation::one_action_per_donor},
        std::pair{Interaction::sweeps, Observation::each_action}}) {
    s.interaction = interaction;
    s.observation = observation;
    s.in_group_probability.reset();
    if (interaction == Interaction::random_pairs) s.in_group_probability = 0.25;
    ReputationGame game(s, parse_all({"Group(ALLC, ALLD)"}), individuals({30}), 1, 0);
    const auto r = game.run(0, 200);
    CHECK(r.in_group_cooperation_rate() == 1.0);
    CHECK(r.out_group_cooperation_rate() == 0.0);
    const double in = static_cast<double>(r.in_group_actions),
                 all = static_cast<double>(r.in_group_actions + r.out_group_actions);
    CHECK(all == static_cast<double>(r.actions[0]));
    // In-group share: p with the in-group draw; 9 of 29 others well-mixed.
    const double expected = s.in_group_probability ? 0.25 : 9.0 / 29.0;
    if (interaction == Interaction::all_pairs)
      CHECK(in / all == Approx(expected));
    else
      CHECK(std::abs(in / all - expected) < 5 * std::sqrt(expected * (1 - expected) / all));
  }
}

TEST_CASE("groups: DISC toward the in-group, ALLD toward the out-group, closed forms",
          "[reputation][groups][verify]") {
  // Public institution (and private views with q = 1 and no perception or assessment error,
  // where every observer holds the same views), execution error e, in-group probability p.
  // A donor's fresh verdict is G with probability v(g) = c0 + c1 g, g the good fraction:
  //   in-group action (p), Stern Judging: C to G (1 - e) -> G, D to B -> G: 1 - e g;
  //   out-group action (1 - p), D always: Stern Judging G iff the recipient is B: 1 - g;
  //                                       Image Scoring never G: 0.
  // So g* = c0 / (1 - c1): 1 / (2 - p + p e) and p / (1 + p e); in-group cooperation (1 - e) g*,
  // out-group cooperation 0. Each action renews one donor's reputation, so over W rounds of N
  // actions the window mean has sd sqrt(g* (1 - g*) / N * 2 / (1 - c1) / W) (as in
  // test_reputation_game.cpp's closed form).
  const double e = 0.05, p = 0.6;
  const std::uint32_t n = 60;
  const std::uint64_t rounds = 4000;
  for (const bool image_scoring_out : {false, true}) {
    for (const auto assessment : {Assessment::public_institution, Assessment::private_views}) {
      INFO("out-group norm " << (image_scoring_out ? "ImageScoring" : "SternJudging")
                             << ", assessment " << static_cast<int>(assessment));
      GameSettings s;
      s.assessment = assessment;
      s.interaction = Interaction::random_pairs;
      s.norm = parse_norm("SternJudging");
      if (image_scoring_out) s.out_group_norm = parse_norm("ImageScoring");
      s.execution_error = e;
      s.group_sizes = {20, 20, 20};
      s.in_group_probability = p;
      const double c0 = image_scoring_out ? p : 1.0;
      const double c1 = image_scoring_out ? -p * e : -(p * e + 1 - p);
      const double g = c0 / (1 - c1);
      ReputationGame game(s, parse_all({"Group(DISC, ALLD)"}), individuals({n}), 9, 0);
      const auto r = game.run(200, rounds);
      const double sd = std::sqrt(g * (1 - g) / n * 2 / (1 - c1) / static_cast<double>(rounds));
      CHECK(std::abs(r.good_fraction(0, 0) - g) < 5 * sd);
      CHECK(std::abs(r.in_group_cooperation_rate() - (1 - e) * g) < 5 * sd + 0.01);
      CHECK(r.out_group_cooperation_rate() == 0.0);
    }
  }
}

TEST_CASE("groups: group reputations with groups of one are individual reputations",
          "[reputation][groups]") {
  GameSettings s;
  s.norm = parse_norm("SternJudging");
  s.execution_error = 0.03;
  s.perception_error = 0.05;
  s.assessment_error = 0.02;
  s.observation_probability = 0.7;
  s.empathy = 0.4;
  const std::uint32_t n = 70;  // two words of observers
  const std::vector<std::string> specs{"DISC", "L1", "ALLD",
                                       "Pair(stochastic:0,1,0.3,1,0,1,0.5,1/DISC)"};
  const std::vector<std::uint32_t> counts{30, 20, 10, 10};
  for (const auto init :
       {InitialReputation::good, InitialReputation::bad, InitialReputation::random}) {
    for (const auto interaction : {Interaction::sweeps, Interaction::random_pairs}) {
      INFO("initial " << static_cast<int>(init) << ", interaction "
                      << static_cast<int>(interaction));
      s.initial_reputation = init;
      s.interaction = interaction;
      GameSettings g = s;
      g.group_sizes.assign(n, 1);
      g.group_reputation = true;
      ReputationGame plain(s, parse_all(specs), individuals(counts), 3, 1);
      ReputationGame grouped(g, parse_all(specs), individuals(counts), 3, 1);
      const auto a = plain.run(10, 20), b = grouped.run(10, 20);
      CHECK(a.actions == b.actions);
      CHECK(a.cooperations == b.cooperations);
      CHECK(a.good_views == b.good_views);
      CHECK(a.payoff == b.payoff);
      CHECK(b.in_group_actions == 0);  // every recipient is another group
      CHECK(a.cooperation_rate() == b.out_group_cooperation_rate());
      for (std::uint32_t o = 0; o < n; ++o)
        for (std::uint32_t j = 0; j < n; ++j) REQUIRE(plain.good(o, j) == grouped.sees_good(o, j));
      // A checkpoint holds the group views too: restoring continues to the same bits.
      ReputationGame copy(g, parse_all(specs), individuals(counts), 3, 1);
      copy.restore(grouped.state());
      const auto c = copy.run(0, 5), d = grouped.run(0, 5);
      CHECK(c.good_views == d.good_views);
      CHECK(c.cooperations == d.cooperations);
    }
  }
}

TEST_CASE("groups: under group reputations an observer sees every out-group member alike",
          "[reputation][groups]") {
  // Outgroup homogeneity (Masuda 2012): whatever the members did, an observer holds one view of
  // each other group; within its own group it tells members apart.
  GameSettings s;
  s.norm = parse_norm("SternJudging");
  s.execution_error = 0.05;
  s.perception_error = 0.05;
  s.observation_probability = 0.8;
  s.group_sizes = {8, 8, 8};
  s.group_reputation = true;
  ReputationGame game(s, parse_all({"DISC", "ALLD", "ALLC"}), individuals({12, 6, 6}), 2, 0);
  bool told_apart = false, held_bad = false;
  for (int round = 0; round < 30; ++round) {
    game.play_round();
    const auto& groups = game.groups();
    for (std::uint32_t o = 0; o < 24; ++o)
      for (std::uint32_t j = 0; j < 24; ++j) {
        const std::uint32_t first = groups.member(groups.group_of(j), 0);
        if (!groups.same(o, j)) {
          REQUIRE(game.sees_good(o, j) == game.sees_good(o, first));
          held_bad |= !game.sees_good(o, j);
        } else {
          told_apart |= game.sees_good(o, j) != game.sees_good(o, first);
        }
      }
  }
  CHECK(told_apart);  // not trivially: members of one's own group do differ
  CHECK(held_bad);    // and other groups' reputations do change
  // Group reputations are refused where they are not defined.
  GameSettings pub = s;
  pub.assessment = Assessment::public_institution;
  CHECK_THROWS_WITH(ReputationGame(pub, parse_all({"DISC"}), individuals({24}), 1, 0),
                    Contains("private assessment"));
}

TEST_CASE("groups: one group sharing its views is the public institution, bit for bit",
          "[reputation][groups]") {
  GameSettings s;
  s.norm = parse_norm("stochastic:0,1,0.2,1,0,1,0.7,1");
  s.execution_error = 0.03;
  s.perception_error = 0.05;
  s.assessment_error = 0.02;
  s.empathy = 0.5;  // the donor's group is the only group: no effect, no draw
  s.initial_reputation = InitialReputation::bad;
  const std::vector<std::string> specs{"DISC", "ALLD", "ALLC", "Action(11)"};
  const std::vector<std::uint32_t> counts{40, 10, 10, 10};
  for (const auto interaction : {Interaction::sweeps, Interaction::random_pairs}) {
    s.interaction = interaction;
    GameSettings pub = s, shared = s;
    pub.assessment = Assessment::public_institution;
    shared.assessment = Assessment::private_views;
    shared.shared_views = true;
    ReputationGame a(pub, parse_all(specs), individuals(counts), 5, 2);
    ReputationGame b(shared, parse_all(specs), individuals(counts), 5, 2);
    const auto ra = a.run(10, 30), rb = b.run(10, 30);
    CHECK(ra.actions == rb.actions);
    CHECK(ra.cooperations == rb.cooperations);
    CHECK(ra.good_views == rb.good_views);
    CHECK(ra.payoff == rb.payoff);
    const double rate = ra.cooperation_rate();
    CHECK(rate > 0.2);
    CHECK(rate < 0.95);
  }
}

TEST_CASE("groups: shared views are one view per group, and groups disagree",
          "[reputation][groups]") {
  GameSettings s;
  s.assessment = Assessment::private_views;
  s.shared_views = true;
  s.interaction = Interaction::random_pairs;
  s.group_sizes = {10, 10, 10};
  s.in_group_probability = 0.5;
  s.group_norms = {parse_norm("SternJudging"), parse_norm("SimpleStanding"),
                   parse_norm("ImageScoring")};
  s.norm = parse_norm("SternJudging");
  s.execution_error = 0.05;
  s.perception_error = 0.05;
  s.observation_probability = 0.5;
  s.initial_reputation = InitialReputation::random;
  ReputationGame game(s, parse_all({"DISC", "ALLD"}), individuals({20, 10}), 8, 0);
  const auto& groups = game.groups();
  bool disagree = false;
  for (int round = 0; round < 40; ++round) {
    game.play_round();
    for (std::uint32_t j = 0; j < 30; ++j)
      for (std::uint32_t o = 0; o < 30; ++o) {
        const std::uint32_t first = groups.member(groups.group_of(o), 0);
        REQUIRE(game.good(o, j) == game.good(first, j));
        disagree |= game.good(o, j) != game.good(groups.member(0, 0), j);
      }
  }
  CHECK(disagree);
  GameSettings bad = s;
  bad.group_norms.pop_back();
  CHECK_THROWS_WITH(ReputationGame(bad, parse_all({"DISC"}), individuals({30}), 1, 0),
                    Contains("2 group norms for 3 groups"));
}
