#include <catch2/catch.hpp>

#include <array>

#include "engine/core/errors.hpp"
#include "strategies/frequency.hpp"
#include "strategies/hmm.hpp"
#include "strategies/play.hpp"

using namespace kindest;
using namespace kindest::testing;
using namespace kindest::strategies;

namespace {

// EvolvedHMM5's published parameters (the Axelrod library's), typed here to check the class.
constexpr std::array<std::array<double, 5>, 5> kAfterC = {{{1, 0, 0, 0, 0},
                                                           {0, 1, 0, 0, 0},
                                                           {0, 1, 0, 0, 0},
                                                           {0.631, 0, 0, 0.369, 0},
                                                           {0.143, 0.018, 0.118, 0, 0.721}}};
constexpr std::array<std::array<double, 5>, 5> kAfterD = {{{0, 1, 0, 0, 0},
                                                           {0, 0.487, 0.513, 0, 0},
                                                           {0, 0, 0, 0.590, 0.410},
                                                           {1, 0, 0, 0, 0},
                                                           {0, 0.287, 0.456, 0.146, 0.111}}};
constexpr std::array<double, 5> kEmissions = {1, 0, 0, 1, 0.111};

}  // namespace

TEST_CASE("hmm: EvolvedHMM5 against fixed opponents", "[strategy][hmm]") {
  // From state 3, cooperation leads to states 0 or 3, which both emit C and stay among
  // themselves: it cooperates with a cooperator for good.
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    CHECK(play<EvolvedHMM5>(Cycle("C"), 50, seed) == Moves(repeat("CC", 50)));
    // Against a defector: C first; state 3 -> 0 (emits C), 0 -> 1 (emits D).
    CHECK(play<EvolvedHMM5>(Cycle("D"), 3, seed) == Moves("CD CD DD"));
  }
}

TEST_CASE("hmm: EvolvedHMM5 moves between states with the published probabilities",
          "[strategy][hmm]") {
  // Drive the player by hand to watch its hidden state: count transitions from each state
  // after each opponent move, and the moves emitted in each state.
  std::array<std::array<std::array<long, 5>, 5>, 2> moved{};
  std::array<std::array<long, 2>, 5> emitted{};  // state -> (turns, cooperations)
  Stream rng(3, Purpose::simulation_check, 0);
  Stream coin(4, Purpose::simulation_check, 0);
  for (int match = 0; match < 200; ++match) {
    EvolvedHMM5 player;
    History own, opponent;
    for (int t = 0; t < 500; ++t) {
      const std::size_t before = player.state();
      const Action a = player.move(own, opponent, rng);
      if (t > 0) {
        const std::size_t after = player.state();
        ++moved[opponent.back() == Action::C ? 0 : 1][before][after];
        ++emitted[after][0];
        emitted[after][1] += a == Action::C;
      } else {
        CHECK(a == Action::C);
        CHECK(player.state() == 3);
      }
      own.push(a);
      opponent.push(coin.bernoulli(0.5) ? Action::C : Action::D);
    }
  }
  for (int c = 0; c < 2; ++c) {
    const auto& matrix = c == 0 ? kAfterC : kAfterD;
    for (std::size_t s = 0; s < 5; ++s) {
      long row = 0;
      for (const long n : moved[c][s]) row += n;
      INFO("after " << (c == 0 ? 'C' : 'D') << " from state " << s << " (" << row << " times)");
      CHECK(row > 300);
      for (std::size_t t = 0; t < 5; ++t) {
        INFO("to state " << t);
        CHECK(within_4_se({static_cast<double>(moved[c][s][t]) / static_cast<double>(row), row},
                          matrix[s][t]));
      }
    }
  }
  for (std::size_t s = 0; s < 5; ++s) {
    INFO("state " << s);
    CHECK(within_4_se(
        {static_cast<double>(emitted[s][1]) / static_cast<double>(emitted[s][0]), emitted[s][0]},
        kEmissions[s]));
  }
}

TEST_CASE("hmm: ill-formed models are refused", "[strategy][hmm]") {
  CHECK_THROWS_AS(HMMPlayer({{0.5, 0.4}, {0, 1}}, {{1, 0}, {0, 1}}, {1, 0}, 0, Action::C),
                  StrategyError);
  CHECK_THROWS_AS(HMMPlayer({{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}, {1, 1.5}, 0, Action::C),
                  StrategyError);
  CHECK_THROWS_AS(HMMPlayer({{1, 0}, {0, 1}}, {{1, 0}, {0, 1}}, {1, 0}, 2, Action::C),
                  StrategyError);
  CHECK_THROWS_AS(HMMPlayer({{1, 0}}, {{1, 0}, {0, 1}}, {1, 0}, 0, Action::C), StrategyError);
}
