#include <catch2/catch.hpp>

#include "strategies/play.hpp"
#include "strategies/win_shift_lose_stay.hpp"

using namespace kindest::testing;
using kindest::strategies::WinShiftLoseStay;

TEST_CASE("win_shift_lose_stay: moves against fixed opponents", "[strategy][win_shift_lose_stay]") {
  CHECK(play<WinShiftLoseStay>(Cycle("C"), 4) == Moves("DC CC DC CC"));
  CHECK(play<WinShiftLoseStay>(Cycle("D"), 3) == Moves("DD DD DD"));
  CHECK(play<WinShiftLoseStay>(Cycle("CD"), 5) == Moves("DC CD CC DD DC"));
}
