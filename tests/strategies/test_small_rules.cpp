// Moves against fixed opponents for the short rules of once_bitten.hpp, resurrection.hpp,
// level_punishers.hpp, gradual_killer.hpp, doubler.hpp, short_mem.hpp, very_bad.hpp,
// thue_morse.hpp, cooperation_ratio.hpp, apavlov.hpp, hunters.hpp, anti_cycler.hpp and the
// Retaliate variants of retaliate.hpp; each token is (own, opponent). One file rather than thirteen
// to keep the test build small. The sequences are the Axelrod library's (v4.13.0) moves, with the
// deciding step of each checked by hand (comments).
#include <catch2/catch.hpp>

#include "strategies/anti_cycler.hpp"
#include "strategies/apavlov.hpp"
#include "strategies/cooperation_ratio.hpp"
#include "strategies/doubler.hpp"
#include "strategies/gradual_killer.hpp"
#include "strategies/hunters.hpp"
#include "strategies/level_punishers.hpp"
#include "strategies/once_bitten.hpp"
#include "strategies/play.hpp"
#include "strategies/resurrection.hpp"
#include "strategies/retaliate.hpp"
#include "strategies/short_mem.hpp"
#include "strategies/thue_morse.hpp"
#include "strategies/very_bad.hpp"

using namespace kindest::testing;
using namespace kindest::strategies;

TEST_CASE("once_bitten: moves against fixed opponents", "[strategy][once_bitten]") {
  // D, D on moves 1-2: D on move 3 and a grudge of 10 more (moves 4-13); judged afresh on
  // move 14, it starts again.
  CHECK(play<OnceBitten>(Cycle("DD"), 14) == Moves("CD CD" + repeat(" DD", 12)));
  CHECK(play<OnceBitten>(Cycle("CDDCCC"), 18) ==
        Moves("CC CD CD DC DC DC DC DD DD DC DC DC DC DD CD DC DC DC"));
  // The second defection ends forgiveness.
  CHECK(play<FoolMeOnce>(Cycle("CDCD"), 5) == Moves("CC CD CC CD DC"));
}

TEST_CASE("resurrection: moves against fixed opponents", "[strategy][resurrection]") {
  // After five own D (moves 2-6) it keeps defecting though the opponent cooperates.
  CHECK(play<Resurrection>(Script("DDDDDDCC"), 8) == Moves("CD DD DD DD DD DD DC DC"));
  CHECK(play<DoubleResurrection>(Cycle("C"), 8) == Moves("CC CC CC CC CC DC CC CC"));
  CHECK(play<DoubleResurrection>(Cycle("D"), 8) == Moves("CD DD DD DD DD DD CD DD"));
}

TEST_CASE("level_punishers: moves against fixed opponents", "[strategy][level_punishers]") {
  // 20% is not more than 20%: LevelPunisher never defects against CCCCD.
  CHECK(play<LevelPunisher>(Cycle("CCCCD"), 14) ==
        Moves(repeat("CC CC CC CC CD", 2) + repeat("CC", 4)));
  // One D in 10 moves is above 5% (moves 11-12).
  CHECK(play<TrickyLevelPunisher>(Cycle("CCCCCCCCCD"), 12) == Moves(repeat("CC", 9) + "CD DC DC"));
}

TEST_CASE("gradual_killer: moves against fixed opponents", "[strategy][gradual_killer]") {
  CHECK(play<GradualKiller>(Cycle("C"), 9) == Moves("DC DC DC DC DC CC CC CC CC"));
  CHECK(play<GradualKiller>(Cycle("D"), 9) == Moves("DD DD DD DD DD CD CD DD DD"));
}

TEST_CASE("doubler: moves against fixed opponents", "[strategy][doubler]") {
  // Against CCD the opponent's C count is exactly twice its D count after each D: D answers.
  CHECK(play<Doubler>(Cycle("CCD"), 9) == Moves("CC CC CD DC CC CD DC CC CD"));
}

TEST_CASE("short_mem: moves against fixed opponents", "[strategy][short_mem]") {
  // C to move 11; from move 12 the last ten of CCDDD always hold 4 C and 6 D, a margin of 2:
  // tit for tat.
  CHECK(play<ShortMem>(Cycle("CCDDD"), 16) ==
        Moves("CC CC CD CD CD CC CC CD CD CD CC CC CD DD DD DC"));
}

TEST_CASE("very_bad: moves against fixed opponents", "[strategy][very_bad]") {
  CHECK(play<VeryBad>(Cycle("CDD"), 8) == Moves("CC CD CD DC CD DD DC DD"));
}

TEST_CASE("retaliate variants: moves against fixed opponents", "[strategy][retaliate]") {
  CHECK(play<Retaliate2>(Cycle("CCD"), 12) == Moves("CC CC CD DC DC DD DC DC DD DC DC DD"));
  CHECK(play<Retaliate3>(Cycle("DCC"), 12) == Moves("CD DC DC DD DC DC DD DC DC DD DC DC"));
  // 20 retaliations in a row (moves 2-21), one cooperation, then again.
  CHECK(play<LimitedRetaliate>(Cycle("D"), 25) == Moves("CD" + repeat(" DD", 20) + " CD DD DD DD"));
  CHECK(play<LimitedRetaliate2>(Cycle("CD"), 20) ==
        Moves("CC CD" + repeat(" DC DD", 7) + " DC CD DC DD"));
  CHECK(play<LimitedRetaliate3>(Cycle("DC"), 24) ==
        Moves("CD" + repeat(" DC DD", 10) + " CC DD DC"));
}

TEST_CASE("thue_morse: moves against fixed opponents", "[strategy][thue_morse]") {
  // 0 1 1 0 1 0 0 1 1 0: the parity of the ones in 0, 1, ..., 9.
  CHECK(play<ThueMorse>(Cycle("C"), 10) == Moves("DC CC CC DC CC DC DC CC CC DC"));
  CHECK(play<ThueMorseInverse>(Cycle("D"), 8) == Moves("CD DD DD CD DD CD CD DD"));
}

TEST_CASE("cooperation_ratio: moves against fixed opponents", "[strategy][cooperation_ratio]") {
  // An opponent that never defected is defected against from move 2.
  CHECK(play<Golden>(Cycle("C"), 6) == Moves("CC" + repeat(" DC", 5)));
  CHECK(play<Golden>(Cycle("CD"), 12) == Moves("CC DD CC DD CC CD CC DD CC CD CC DD"));
  // Against CCD: D on move 3 (no opponent D yet); on move 4, 3 C to 3 D is below pi: C.
  CHECK(play<Pi>(Cycle("CCD"), 12) == Moves("CC DC DD CC CC CD CC CC CD CC CC DD"));
  CHECK(play<E>(Cycle("CCCD"), 12) == Moves("CC DC DC DD CC CC CC CD CC CC DC CD"));
}

TEST_CASE("apavlov: moves against fixed opponents", "[strategy][apavlov]") {
  CHECK(play<APavlov2006>(Cycle("C"), 14) == Moves(repeat("CC", 14)));
  // DCDCDC on moves 1-6: suspicious TFT, answered by C on moves 7-8 of each six, else TFT.
  CHECK(play<APavlov2006>(Cycle("DC"), 16) ==
        Moves("CD DC CD DC CD DC CD CC CD DC CD DC CD CC CD DC"));
  CHECK(play<APavlov2006>(Cycle("DDC"), 16) ==
        Moves("CD DD DC CD DD DC DD CD CC CD CD CC DD CD CC CD"));
  // CCDCCD: two D in six, neither class: random, D from move 7 on.
  CHECK(play<APavlov2011>(Cycle("CCD"), 16) ==
        Moves("CC CC CD DC CC CD DC DC DD DC DC DD DC DC DD DC"));
  CHECK(play<APavlov2011>(Cycle("DCD"), 16) ==
        Moves("CD DC CD DD DC CD DD DC DD DD DC DD DD DC DD DD"));
}

TEST_CASE("hunters: moves against fixed opponents", "[strategy][hunters]") {
  CHECK(play<DefectorHunter>(Cycle("D"), 7) == Moves("CD CD CD CD DD DD DD"));
  CHECK(play<CooperatorHunter>(Cycle("C"), 7) == Moves("CC CC CC CC DC DC DC"));
  // Six alternating moves: D from move 7; a broken alternation is left alone.
  CHECK(play<AlternatorHunter>(Cycle("CD"), 9) == Moves("CC CD CC CD CC CD DC DD DC"));
  CHECK(play<AlternatorHunter>(Cycle("CDCDCC"), 9) == Moves("CC CD CC CD CC CC CC CD CC"));
  // CCDCCD on moves 1-6 is two periods of a mixed pattern; CCC... is a pattern of one move.
  CHECK(play<CycleHunter>(Cycle("CCD"), 8) == Moves("CC CC CD CC CC CD DC DC"));
  CHECK(play<CycleHunter>(Cycle("C"), 8) == Moves(repeat("CC", 8)));
  // The check on move 21 finds CCD repeating after move 10 (the one on move 11 has no moves).
  CHECK(play<EventualCycleHunter>(Cycle("CCD"), 24) ==
        Moves(repeat("CC CC CD", 6) + "CC CC DD DC DC DD"));
  CHECK(play<MathConstantHunter>(Cycle("CD"), 12) == Moves("CC CD CC CD CC CD CC CD DC DD CC CD"));
  CHECK(play<RandomHunter>(Script("CDDCDCCDDCDDCDCCD"), 17) ==
        Moves("CC CD CD CC CD CC CC CD CD CC CD DD DC DD DC DC DD"));
}

TEST_CASE("anti_cycler: moves against fixed opponents", "[strategy][anti_cycler]") {
  // C D D, then C D, C C D, C C C D.
  CHECK(play<AntiCycler>(Cycle("C"), 12) == Moves("CC DC DC CC DC CC CC DC CC CC CC DC"));
}
