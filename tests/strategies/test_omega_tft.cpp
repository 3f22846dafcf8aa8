#include <catch2/catch.hpp>

#include "strategies/omega_tft.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::OmegaTFT;

TEST_CASE("omega_tft: moves against fixed opponents", "[strategy][omega_tft]") {
  CHECK(play<OmegaTFT>(Cycle("C"), 4) == Moves("CC CC CC CC"));
  CHECK(play<OmegaTFT>(Cycle("D"), 4) == Moves("CD DD DD DD"));
  // Tit for tat until the deadlock counter reaches 3 after move 5; cooperates twice (moves 6,
  // 7) to break the echo; on move 9 the randomness counter reaches 9 >= 8: defect from then on.
  CHECK(play<OmegaTFT>(Cycle("CD"), 12) == Moves("CC CD DC CD DC CD CC CD DC DD DC DD"));
}
