#include <catch2/catch.hpp>

#include "strategies/handshake.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::Handshake;

TEST_CASE("handshake: moves against fixed opponents", "[strategy][handshake]") {
  CHECK(play<Handshake>(Cycle("CD"), 5) == Moves("CC DD CC CD CC"));
  CHECK(play<Handshake>(Cycle("C"), 4) == Moves("CC DC DC DC"));
  CHECK(play<Handshake>(Handshake{}, 4) == Moves("CC DD CC CC"));
}
