#include <catch2/catch.hpp>

#include "strategies/go_by_majority.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("go_by_majority: whole-history majority", "[strategy][go_by_majority]") {
  CHECK(play<GoByMajority>(Cycle("C"), 3) == Moves("CC CC CC"));
  CHECK(play<GoByMajority>(Script("DCDDCC"), 6) == Moves("CD DC CD DD DC DC"));
  CHECK(play<HardGoByMajority>(Script("DCDDCC"), 6) == Moves("DD DC DD DD DC DC"));
  CHECK(play<HardGoByMajority>(Script("CCD"), 3) == Moves("DC CC CD"));
  // Ties (3 D, 3 C before turn 6) go to D for the hard rule.
  CHECK(play<HardGoByMajority>(Script("DDDCCCCD"), 8) == Moves("DD DD DD DC DC DC DC CD"));
}

TEST_CASE("go_by_majority: windowed majority forgets old moves", "[strategy][go_by_majority]") {
  // From turn 6 the window of 5 has dropped the first D: 2 D against 3 C.
  CHECK(play<GoByMajority5>(Script("DDDCCCCD"), 8) == Moves("CD DD DD DC DC DC CC CD"));
  CHECK(play<HardGoByMajority5>(Script("DDDCCCCD"), 8) == Moves("DD DD DD DC DC DC CC CD"));
  // Ten defections, then cooperation: at turn 15 the window of 10 holds 5 D and 5 C, a tie
  // (soft: C, hard: D); a turn later C is the majority for both.
  const std::string opponent =
      "DDDDDDDDDD"
      "CCCCCCC";
  CHECK(play<GoByMajority10>(Script(opponent), 17) ==
        Moves("CD DD DD DD DD DD DD DD DD DD DC DC DC DC DC CC CC"));
  CHECK(play<HardGoByMajority10>(Script(opponent), 17) ==
        Moves("DD DD DD DD DD DD DD DD DD DD DC DC DC DC DC DC CC"));
}

TEST_CASE("go_by_majority: an instance reused for a new match starts afresh",
          "[strategy][go_by_majority]") {
  HardGoByMajority5 s;
  kindest::Stream rng(0, kindest::Purpose::simulation_check);
  auto run = [&] {
    kindest::History own, opponent;
    std::string moves;
    for (char c : std::string("DDDCCCCD")) {
      const auto m = s.move(own, opponent, rng);
      moves.push_back(kindest::to_char(m));
      own.push(m);
      opponent.push(kindest::action_from_char(c));
    }
    return moves;
  };
  CHECK(run() == "DDDDDDCC");
  CHECK(run() == "DDDDDDCC");
}
