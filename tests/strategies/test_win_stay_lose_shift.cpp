#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/win_stay_lose_shift.hpp"

using namespace kindest::testing;
using kindest::strategies::WinStayLoseShift;

TEST_CASE("win_stay_lose_shift: moves against fixed opponents", "[strategy][win_stay_lose_shift]") {
  CHECK(play<WinStayLoseShift>(Cycle("CD"), 6) == Moves("CC CD DC DD CC CD"));
  CHECK(play<WinStayLoseShift>(Cycle("D"), 4) == Moves("CD DD CD DD"));
  CHECK(play<WinStayLoseShift>(Script("CCDCC"), 5) == Moves("CC CC CD DC DC"));
}
