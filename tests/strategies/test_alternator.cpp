#include <catch2/catch.hpp>

#include "strategies/alternator.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Alternator;

TEST_CASE("alternator: moves against fixed opponents", "[strategy][alternator]") {
  CHECK(play<Alternator>(Cycle("D"), 5) == Moves("CD DD CD DD CD"));
  CHECK(play<Alternator>(Cycle("C"), 4) == Moves("CC DC CC DC"));
}

TEST_CASE("alternator: alternates from the move actually played", "[strategy][alternator]") {
  // After an execution error turned its C into a D, it continues with C.
  Alternator a;
  kindest::History own, opponent;
  kindest::Stream rng(0, kindest::Purpose::simulation_check);
  own.push(kindest::Action::D);
  opponent.push(kindest::Action::C);
  CHECK(a.move(own, opponent, rng) == kindest::Action::C);
}
