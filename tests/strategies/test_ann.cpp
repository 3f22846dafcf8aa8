// The neural-network players: the network on hand-made weights (the features, the sum, the
// library's relu quirk), and the trained players' moves against fixed opponents, recorded from
// the Axelrod library (v4.13.0), which Kindest follows. Tokens are (own, opponent).
#include <catch2/catch.hpp>

#include <array>
#include <cstddef>

#include "strategies/ann_players.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;
using kindest::StrategyInfo;

namespace {

// Two hidden units over the 17 features: unit 0 = b0 (a constant), unit 1 = w x[feature];
// output = relu(unit 0) + relu(unit 1).
template <std::size_t feature, double b0, double w>
class TwoUnits final : public kindest::StrategyOf<TwoUnits<feature, b0, w>, ANN> {
  static constexpr std::array<double, 38> weights = [] {
    std::array<double, 38> a{};
    a[17 + feature] = w;  // unit 1's input weights (unit 0's are all 0)
    a[34] = a[35] = 1;    // output weights
    a[36] = b0;           // biases (unit 1's is 0)
    return a;
  }();

 public:
  static constexpr StrategyInfo info{.id = "test.TwoUnits",
                                     .name = "TwoUnits",
                                     .aliases = "",
                                     .summary = "Hand-made network.",
                                     .cite = "",
                                     .memory_depth = -1,
                                     .stochastic = false};
  TwoUnits() : kindest::StrategyOf<TwoUnits<feature, b0, w>, ANN>(2, weights) {}
};

}  // namespace

TEST_CASE("ann: features and the sign of the output", "[strategy][ann]") {
  // x[8] = the opponent's last move was C: unit 1 = 0.6 x[8] plays tit for tat, but D first
  // (every feature is 0 before the first move, and an output of 0 is D).
  CHECK(play<TwoUnits<8, 0.0, 0.6>>(Cycle("CCD"), 6) == Moves("DC CC CD DC CC CD"));
  // x[16] = round number: C from move 2 on.
  CHECK(play<TwoUnits<16, 0.0, 1.0>>(Cycle("D"), 4) == Moves("DD CD CD CD"));
  // x[0] / x[1] = the opponent's first move was C / D, 0 before it has moved.
  CHECK(play<TwoUnits<1, 0.0, 2.0>>(Script("DCCC"), 4) == Moves("DD CC CC CC"));
  CHECK(play<TwoUnits<0, 0.0, 2.0>>(Script("DCCC"), 4) == Moves("DD DC DC DC"));
}

TEST_CASE("ann: the library's relu truncates every unit when the first is negative",
          "[strategy][ann]") {
  // Unit 0 = -1: relu gives the int 0 and numpy makes every unit an int, so 0.6 x[8] becomes 0
  // and the output 0: always D. With unit 0 = 0 the same unit 1 plays as above.
  CHECK(play<TwoUnits<8, -1.0, 0.6>>(Cycle("C"), 4) == Moves("DC DC DC DC"));
  // 1.6 truncates to 1: still positive, so C after the opponent's C.
  CHECK(play<TwoUnits<8, -1.0, 1.6>>(Cycle("CCD"), 6) == Moves("DC CC CD DC CC CD"));
}

TEST_CASE("ann: trained players against fixed opponents", "[strategy][ann]") {
  CHECK(play<EvolvedANN>(Cycle("CD"), 12) == Moves("CC CD DC DD DC DD DC DD DC DD DC DD"));
  CHECK(play<EvolvedANN>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(play<EvolvedANN>(Cycle("C"), 8) == Moves(repeat("CC", 8)));
  CHECK(play<EvolvedANN5>(Cycle("CD"), 12) == Moves("CC CD CC CD DC DD DC DD DC DD DC DD"));
  CHECK(play<EvolvedANN5>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD DD DD"));
  CHECK(play<EvolvedANN5>(Cycle("C"), 8) == Moves(repeat("CC", 8)));
  CHECK(play<EvolvedANNNoise05>(Cycle("CD"), 12) == Moves("CC CD DC CD CC CD CC CD CC CD DC CD"));
  CHECK(play<EvolvedANNNoise05>(Cycle("D"), 8) == Moves("CD DD DD CD CD CD CD CD"));
  CHECK(play<EvolvedANNNoise05>(Cycle("C"), 8) == Moves(repeat("CC", 8)));
}
