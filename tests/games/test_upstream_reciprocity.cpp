// Chains of help (engine/games/upstream_reciprocity.hpp): the closed form against hand-computed
// cases, an independent derivation for upstream reciprocity alone, the geometric chain lengths
// of monomorphic populations, and simulated chains within Monte-Carlo error.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/games/upstream_reciprocity.hpp"

using namespace kindest;
using games::ChainGame;
using games::parse_help_rule;

namespace {

ChainGame game_of(std::vector<std::string> rules, double b, double c, double w) {
  ChainGame g{.benefit = b, .cost = c, .continuation = w, .rules = {}};
  for (const auto& r : rules) g.rules.push_back(parse_help_rule(r));
  return g;
}

}  // namespace

TEST_CASE("upstream reciprocity: rules parse and bad ones are refused", "[games][upstream]") {
  CHECK(parse_help_rule("ALLD").direct == 0);
  CHECK(parse_help_rule(" Upstream(0.25) ").upstream == 0.25);
  CHECK(parse_help_rule("Upstream(0.25)").direct == 0);
  CHECK(parse_help_rule("Direct(0.5)").direct == 0.5);
  const auto linked = parse_help_rule("Linked(0.5, 1)");
  CHECK(linked.direct == 0.5);
  CHECK(linked.upstream == 1);
  CHECK(linked.name == "Linked(0.5, 1)");
  CHECK_THROWS_AS(parse_help_rule("TFT"), ModelError);
  CHECK_THROWS_AS(parse_help_rule("Direct(1.5)"), ModelError);
  CHECK_THROWS_AS(parse_help_rule("Linked(0.5)"), ModelError);
  CHECK_THROWS_AS(parse_help_rule("Upstream(x)"), ModelError);
  CHECK_THROWS_WITH(parse_help_rule("Pay(1)"), Catch::Contains("Linked(d, u)"));
}

TEST_CASE("upstream reciprocity: the model refuses what it cannot compute", "[games][upstream]") {
  auto g = game_of({"ALLD", "Upstream(1)"}, 1, 0.1, 0.5);
  CHECK_THROWS_AS(games::expected_chain_payoffs(g, {1, 1}), ModelError);  // N = 2: no third party
  CHECK_THROWS_AS(games::expected_chain_payoffs(g, {3}), ModelError);     // one count per rule
  g.continuation = 1;                                                     // chains that never end
  CHECK_THROWS_WITH(games::expected_chain_payoffs(g, {2, 2}), Catch::Contains("w = 1"));
}

// N = 3: one Upstream(1) individual U and two defectors D1, D2, continuation w. The first act is
// one of the 6 ordered (donor, recipient) pairs. U is the recipient in 2 of them; then, with
// probability w, it passes on to the one individual that is neither itself nor its donor (a
// defector), and the chain ends there. Per chain: U receives 2/6, gives 2/6 + w 2/6; each D
// receives 2/6 + w/6 and gives 2/6. Per round (3 chains): U receives 1, gives 1 + w; D receives
// 1 + w/2, gives 1.
TEST_CASE("upstream reciprocity: a hand-computed population of three", "[games][upstream]") {
  const double b = 2, c = 0.5, w = 0.6;
  const auto out = games::expected_chain_payoffs(game_of({"Upstream(1)", "ALLD"}, b, c, w), {1, 2});
  CHECK(out.acts_received[0] == Approx(1.0));
  CHECK(out.acts_given[0] == Approx(1.0 + w));
  CHECK(out.acts_received[1] == Approx(1.0 + w / 2));
  CHECK(out.acts_given[1] == Approx(1.0));
  CHECK(out.payoff[0] == Approx(b - c * (1 + w)));
  CHECK(out.payoff[1] == Approx(b * (1 + w / 2) - c));
  CHECK(out.acts_per_chain == Approx(1.0 + w / 3));
}

// A monomorphic population: each act is followed by another with probability w d (return) +
// w (1 - d) u (pass on), so a chain's length is geometric, mean 1 / (1 - w (d + (1 - d) u)), and
// everyone gives and receives that many acts per round.
TEST_CASE("upstream reciprocity: monomorphic chains are geometric", "[games][upstream]") {
  const double b = 3, c = 1, w = 0.9;
  for (const char* rule : {"ALLD", "Upstream(0.7)", "Direct(0.8)", "Linked(0.8, 0.5)"}) {
    const auto r = parse_help_rule(rule);
    const double length = 1 / (1 - w * (r.direct + (1 - r.direct) * r.upstream));
    for (std::uint64_t n : {3u, 10u, 500u}) {
      INFO(rule << ", N = " << n);
      const auto out = games::expected_chain_payoffs(game_of({rule}, b, c, w), {n});
      CHECK(out.acts_per_chain == Approx(length));
      CHECK(out.acts_given[0] == Approx(length));
      CHECK(out.acts_received[0] == Approx(length));
      CHECK(out.payoff[0] == Approx((b - c) * length));
    }
  }
}

// Upstream reciprocity alone, derived by hand for k individuals of Upstream(u) among N (the rest
// ALLD), p = w u. Only U recipients act. Let x_DU, x_UU be the expected acts from a D / a U donor
// to a U recipient. No act ever goes from a D to a U after the first (a D never acts), so x_DU =
// (N - k) k / (N (N - 1)); a U recipient of a U donor passes to a U with (k - 2) / (N - 2), one
// of a D donor with (k - 1) / (N - 2):
//   x_UU = k (k - 1) / (N (N - 1)) + p ((k - 2) x_UU + (k - 1) x_DU) / (N - 2).
// D recipients get the first act with (N - k) / N and the passes (N - k) x_UU / (N - 2) +
// (N - k - 1) x_DU / (N - 2) times p. U gives k / N first acts and passes p (x_UU + x_DU).
TEST_CASE("upstream reciprocity: alone, the closed form matches a hand derivation",
          "[games][upstream]") {
  const double b = 1, c = 0.3;
  for (double w : {0.3, 0.95})
    for (double u : {0.5, 1.0})
      for (std::uint64_t n : {3u, 4u, 7u, 40u})
        for (std::uint64_t k = 1; k < n; ++k) {
          const double N = static_cast<double>(n), K = static_cast<double>(k), p = w * u;
          const double x_du = (N - K) * K / (N * (N - 1));
          const double x_uu = (K * (K - 1) / (N * (N - 1)) + p * (K - 1) * x_du / (N - 2)) /
                              (1 - p * (K - 2) / (N - 2));
          const double u_received = x_uu + x_du, u_given = K / N + p * (x_uu + x_du);
          const double d_received =
              (N - K) / N + p * ((N - K) * x_uu + (N - K - 1) * x_du) / (N - 2);
          const double d_given = (N - K) / N;
          INFO("w = " << w << ", u = " << u << ", N = " << n << ", k = " << k);
          const auto out = games::expected_chain_payoffs(
              game_of({"Upstream(" + std::to_string(u) + ")", "ALLD"}, b, c, w), {k, n - k});
          CHECK(out.acts_received[0] == Approx(N * u_received / K));
          CHECK(out.acts_given[0] == Approx(N * u_given / K));
          if (k < n) {
            CHECK(out.acts_received[1] == Approx(N * d_received / (N - K)));
            CHECK(out.acts_given[1] == Approx(N * d_given / (N - K)));
          }
          CHECK(out.acts_per_chain == Approx(u_given + d_given));
        }
}

// The first result of Nowak & Roch (2007): upstream reciprocity alone does not pay. In every
// mixture the defector is helped at least as often as the upstream reciprocator and pays less.
TEST_CASE("upstream reciprocity: alone, ALLD earns more in every mixture", "[games][upstream]") {
  for (double w : {0.5, 0.99})
    for (double b : {1.0, 10.0})
      for (std::uint64_t n : {3u, 10u, 100u})
        for (std::uint64_t k = 1; k < n; ++k) {
          const auto out = games::expected_chain_payoffs(
              game_of({"Upstream(0.9)", "ALLD"}, b, 1, w), {k, n - k});
          INFO("w = " << w << ", b = " << b << ", N = " << n << ", upstream reciprocators " << k);
          CHECK(out.payoff[1] > out.payoff[0]);
          CHECK(out.acts_received[1] >= out.acts_received[0]);
        }
}

// The second: linked with direct reciprocity, passing help on to a direct reciprocator is an
// investment worth (w d b - c) / (1 - w^2 d (d + (1 - d) u)) to the one who passes it on (it is
// returned with w d; then the exchange goes on). In a large population one Linked(d, u) among
// Direct(d) residents earns more than they do iff w d b > c.
TEST_CASE("upstream reciprocity: linked with direct reciprocity, it pays iff w d b > c",
          "[games][upstream]") {
  const double w = 0.9, d = 0.8, c = 1;
  for (double ratio : {0.9, 0.97, 1.03, 1.1}) {
    const double b = ratio * c / (w * d);
    const auto out = games::expected_chain_payoffs(
        game_of({"Direct(0.8)", "Linked(0.8, 0.9)"}, b, c, w), {4999, 1});
    INFO("w d b / c = " << ratio);
    CHECK((out.payoff[1] > out.payoff[0]) == (ratio > 1));
  }
}

// Simulated chains: acts given and received per individual of each rule, in 20 batches, within
// 4 standard errors of the batch means of the closed form.
TEST_CASE("upstream reciprocity: simulated chains agree with the closed form",
          "[games][upstream]") {
  const auto game =
      game_of({"ALLD", "Direct(0.6)", "Linked(0.6, 0.8)", "Upstream(0.9)"}, 2, 1, 0.8);
  const std::vector<std::uint64_t> counts{3, 2, 4, 1};
  std::vector<std::uint32_t> rule_of;
  for (std::uint32_t s = 0; s < counts.size(); ++s) rule_of.insert(rule_of.end(), counts[s], s);
  const auto exact = games::expected_chain_payoffs(game, counts);
  constexpr int kBatches = 20;
  constexpr std::uint64_t kChains = 20000;
  std::vector<std::vector<double>> given(counts.size()), received(counts.size());
  std::vector<double> acts;
  for (int batch = 0; batch < kBatches; ++batch) {
    games::ChainTally tally(counts.size());
    for (std::uint64_t i = 0; i < kChains; ++i) {
      Stream rng(5, Purpose::simulation_check, static_cast<std::uint64_t>(batch), i);
      games::simulate_chain(game, rule_of, rng, tally);
    }
    const auto est = tally.per_round(game, counts);
    for (std::size_t s = 0; s < counts.size(); ++s) {
      given[s].push_back(est.acts_given[s]);
      received[s].push_back(est.acts_received[s]);
    }
    acts.push_back(est.acts_per_chain);
  }
  const auto within = [](const std::vector<double>& xs, double expected) {
    double mean = 0, var = 0;
    for (double x : xs) mean += x / static_cast<double>(xs.size());
    for (double x : xs) var += (x - mean) * (x - mean) / static_cast<double>(xs.size() - 1);
    const double se = std::sqrt(var / static_cast<double>(xs.size()));
    INFO("simulated " << mean << " +- " << se << ", exact " << expected);
    CHECK(se > 0);
    CHECK(std::abs(mean - expected) <= 4 * se);
  };
  for (std::size_t s = 0; s < counts.size(); ++s) {
    INFO("rule " << game.rules[s].name);
    within(given[s], exact.acts_given[s]);
    within(received[s], exact.acts_received[s]);
  }
  within(acts, exact.acts_per_chain);
}

TEST_CASE("upstream reciprocity: a chain depends only on its stream", "[games][upstream]") {
  const auto game = game_of({"Linked(0.5, 0.9)", "ALLD"}, 2, 1, 0.9);
  const std::vector<std::uint32_t> rule_of{0, 0, 0, 1, 1};
  games::ChainTally a(2), b(2);
  for (int i = 0; i < 100; ++i) {
    Stream r1 = upstream_stream(3, 0, static_cast<std::uint64_t>(i));
    Stream r2 = upstream_stream(3, 0, static_cast<std::uint64_t>(i));
    games::simulate_chain(game, rule_of, r1, a);
    games::simulate_chain(game, rule_of, r2, b);
  }
  CHECK(a.acts == b.acts);
  CHECK(a.given == b.given);
  CHECK(a.received == b.received);
  CHECK(a.chains == 100);
}
