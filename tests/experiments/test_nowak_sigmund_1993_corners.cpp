// Checks experiments/nowak_sigmund_1993_corners.ini: the 16 corners of Nowak & Sigmund's (1993)
// memory-one cube in the small-mutation limit. In their game (3, 0, 5, 1) WSLS does not come
// out on top (see the header: 2R = T + P leaves it unprotected against ALLD), so the check
// asserts what holds: WSLS beats TFT and neutrality, ALLD beats WSLS there, and WSLS wins once
// 2R > T + P.
#include <catch2/catch.hpp>

#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

const char* kFile = "nowak_sigmund_1993_corners.ini";
// Indices into [population] strategies: k = 8 i_CC + 4 i_CD + 2 i_DC + i_DD, i = 1 for 0.001.
enum : std::size_t { kTftLike = 5, kWslsLike = 6, kGrimLike = 7, kAlldLike = 15 };

}  // namespace

TEST_CASE("experiment nowak_sigmund_1993_corners: in (3,0,5,1) WSLS beats TFT but not ALLD",
          "[experiment][verify]") {
  testing::TempDir dir;
  const auto out = experiments::run_analysis(experiments::load_experiment(kFile), dir);
  REQUIRE(out.game.strategies.size() == 16);
  const auto& a = out.game.payoffs;
  // Long-run payoffs between WSLS and ALLD, as the header argues (errors of 0.001 move them
  // by less than 0.02): WSLS-WSLS ~ R = 3, WSLS-ALLD ~ (S+P)/2 = 0.5, ALLD-WSLS ~ (T+P)/2 = 3,
  // ALLD-ALLD ~ P = 1. So ALLD is risk dominant over WSLS: 3 + 0.5 < 3 + 1.
  CHECK(std::abs(a(kWslsLike, kWslsLike) - 3.0) < 0.02);
  CHECK(std::abs(a(kWslsLike, kAlldLike) - 0.5) < 0.02);
  CHECK(std::abs(a(kAlldLike, kWslsLike) - 3.0) < 0.02);
  CHECK(std::abs(a(kAlldLike, kAlldLike) - 1.0) < 0.02);

  const auto& st = out.limit.stationary;
  INFO("stationary: WSLS-like " << st[kWslsLike] << ", TFT-like " << st[kTftLike] << ", GRIM-like "
                                << st[kGrimLike] << ", ALLD-like " << st[kAlldLike]
                                << "; most abundant: index " << experiments::argmax(st));
  CHECK(st[kWslsLike] > st[kTftLike]);   // win-stay lose-shift outperforms tit-for-tat
  CHECK(st[kWslsLike] > 1.0 / 16);       // and is favoured by selection
  CHECK(st[kAlldLike] > st[kWslsLike]);  // but ALLD, risk dominant over it, is more common
  CHECK(experiments::argmax(st) != kWslsLike);
}

TEST_CASE("experiment nowak_sigmund_1993_corners: with 2R > T + P WSLS is the most abundant",
          "[experiment][verify]") {
  testing::TempDir dir;
  // (3, 0, 4, 1): 2R = 6 > T + P = 5, so WSLS is a strict equilibrium against ALLD.
  const auto out =
      experiments::run_analysis(experiments::load_experiment(kFile, {"game.temptation=4"}), dir);
  const auto& st = out.limit.stationary;
  INFO("WSLS-like " << st[kWslsLike] << ", most abundant: index " << experiments::argmax(st));
  CHECK(experiments::argmax(st) == kWslsLike);
  CHECK(st[kWslsLike] > 0.5);
}
