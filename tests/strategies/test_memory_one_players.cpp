// Named memory-one rules: their vectors are the published numbers, and the zero-determinant
// ones enforce their linear payoff relation against any memory-one opponent, checked with the
// exact long-run payoffs of the Markov chain (a closed form independent of the rule's vector
// arithmetic).
#include <catch2/catch.hpp>

#include "engine/match/markov_payoffs.hpp"
#include "strategies/frequency.hpp"
#include "strategies/memory_one_players.hpp"
#include "strategies/play.hpp"
#include "strategies/random.hpp"
#include "strategies/zero_determinant.hpp"

using namespace kindest;
using namespace kindest::strategies;

namespace {

void check_vector(const Strategy& s, std::array<double, 4> p) {
  INFO(s.info().id);
  const auto v = s.memory_one();
  REQUIRE(v);
  for (std::size_t i = 0; i < 4; ++i) CHECK(v->p[i] == Approx(p[i]).margin(1e-15));
  CHECK(v->first == 1);
}

// Opponents spread over the memory-one cube, none of them a ZD rule themselves.
const std::vector<MemoryOneVector> kOpponents = {{{0.3, 0.6, 0.2, 0.9}, 1},
                                                 {{0.9, 0.1, 0.5, 0.4}, 0},
                                                 {{0.95, 0.05, 0.9, 0.1}, 1},
                                                 {{0.5, 0.5, 0.5, 0.5}, 0.5},
                                                 {{0.99, 0.01, 0.7, 0.05}, 1}};

}  // namespace

TEST_CASE("memory_one_players: published vectors", "[strategy][memory_one_players]") {
  check_vector(FirmButFair{}, {1, 0, 1, 2.0 / 3});
  check_vector(SoftJoss{}, {1, 0.1, 1, 0.1});
  check_vector(StochasticCooperator{}, {0.935, 0.229, 0.266, 0.42});
  check_vector(StochasticWSLS{}, {0.95, 0.05, 0.05, 0.95});
  check_vector(ZDExtort2v2{}, {7.0 / 8, 7.0 / 16, 3.0 / 8, 0});
  check_vector(ZDExtortion{}, {0.64, 0.18, 0.28, 0});
  check_vector(ZDGen2{}, {1, 9.0 / 16, 0.5, 1.0 / 8});
  check_vector(ZDMischief{}, {0.8, 0.6, 0.1, 0});
  check_vector(ZDSet2{}, {0.75, 0.25, 0.5, 0.25});
}

TEST_CASE("memory_one_players: ZD rules enforce their linear relations exactly",
          "[strategy][memory_one_players]") {
  const games::PrisonersDilemma game{};  // (3, 0, 5, 1)
  for (const auto& y : kOpponents) {
    auto payoffs = [&](const Strategy& x) {
      return match::long_run_payoffs(*x.memory_one(), y, game, 0.0).payoff_per_turn;
    };
    // Extortion s_X - P = chi (s_Y - P).
    auto p = payoffs(ZDExtort2v2{});
    CHECK(p[0] - 1 == Approx(2 * (p[1] - 1)).margin(1e-9));
    p = payoffs(ZDExtortion{});
    CHECK(p[0] - 1 == Approx(10 * (p[1] - 1)).margin(1e-9));
    // Generous: s_X - R = 2 (s_Y - R), as ZD-GTFT-2.
    p = payoffs(ZDGen2{});
    CHECK(p[0] - 3 == Approx(2 * (p[1] - 3)).margin(1e-9));
    p = payoffs(ZDGTFT2{});
    CHECK(p[0] - 3 == Approx(2 * (p[1] - 3)).margin(1e-9));
    // Equalisers pin the opponent's score.
    CHECK(payoffs(ZDMischief{})[1] == Approx(1).margin(1e-9));
    CHECK(payoffs(ZDSet2{})[1] == Approx(2).margin(1e-9));
  }
}

TEST_CASE("memory_one_players: a simulated match follows the vector",
          "[strategy][memory_one_players]") {
  // Against Defector every turn after the first is DD (or CD): the cooperation rate of
  // FirmButFair there is pDD / (1 + pDD - pCD) = (2/3) / (5/3) = 2/5 over a long match.
  const std::string moves = testing::play(FirmButFair{}, testing::Cycle("D"), 100000, 3);
  std::size_t c = 0;
  for (std::size_t i = 0; i < moves.size(); i += 3) c += moves[i] == 'C';
  CHECK(static_cast<double>(c) / 100000 == Approx(0.4).margin(0.01));
}

namespace {

// The vector is the one published (typed here from the source, not read from the class), and
// play follows it: each of the four responses against a random opponent and the first move,
// counted over many short matches (some rules lock into one response), within 4 standard
// errors; responses of probability 0 or 1 exactly.
void check_rule(const Strategy& s, const MemoryOneVector& published) {
  INFO(s.info().id);
  const auto v = s.memory_one();
  REQUIRE(v);
  CHECK(v->p == published.p);
  CHECK(v->first == published.first);
  std::array<long, 5> turns{};  // after CC, CD, DC, DD; the first move
  std::array<long, 5> cooperations{};
  for (std::uint64_t seed = 0; seed < 20000; ++seed) {
    const std::string m = testing::play(s, Random{}, 8, seed);
    for (std::size_t at = 0; at < m.size(); at += 3) {
      const std::size_t i =
          at == 0 ? 4 : 2 * std::size_t{m[at - 3] == 'D'} + std::size_t{m[at - 2] == 'D'};
      ++turns[i];
      cooperations[i] += m[at] == 'C';
    }
  }
  const double p[] = {published.p[0], published.p[1], published.p[2], published.p[3],
                      published.first};
  for (std::size_t i = 0; i < 5; ++i) {
    INFO("response " << i << " (CC, CD, DC, DD, first move)");
    CHECK(turns[i] > 500);
    CHECK(testing::within_4_se(
        {static_cast<double>(cooperations[i]) / static_cast<double>(turns[i]), turns[i]}, p[i]));
  }
}

}  // namespace

TEST_CASE("memory_one_players: library rules that are memory-one vectors",
          "[strategy][memory_one_players]") {
  check_rule(ALLCorALLD{}, {{1, 1, 0, 0}, 0.6});
  check_rule(BurnBothEnds{}, {{0.9, 0, 0.9, 0}, 1});
  check_rule(NaiveProber{}, {{0.9, 0, 0.9, 0}, 1});
  check_rule(Negation{}, {{0, 1, 0, 1}, 0.5});
  check_rule(Desperate{}, {{0, 0, 0, 1}, 0.5});
  check_rule(Hopeless{}, {{0, 1, 1, 1}, 0.5});
  check_rule(Willing{}, {{1, 1, 1, 0}, 0.5});
  // Pinned moves: Negation answers the opponent's move with its opposite, ALLCorALLD repeats
  // itself, whatever the first move was.
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    const std::string n = testing::play(Negation{}, testing::Cycle("CCD"), 6, seed);
    CHECK(n.substr(3) == testing::Moves("DC DD CC DC DD"));
    const std::string r = testing::play(ALLCorALLD{}, testing::Cycle("CD"), 6, seed);
    for (std::size_t at = 3; at < r.size(); at += 3) CHECK(r[at] == r[0]);
  }
}
