#pragma once
// Variants of Grudger (cooperate until the opponent's first defection, then defect forever):
// grudges that start late, end, alternate, or are held against cooperation instead.
#include <array>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Grudger that defects on the first three moves [Knight2016].
class Aggravater final : public StrategyOf<Aggravater> {
 public:
  static constexpr StrategyInfo info{.id = "Aggravater",
                                     .name = "Aggravater",
                                     .aliases = "",
                                     .summary = "Defect three times, then Grudger.",
                                     .cite = "Knight2016",
                                     .memory_depth = -1,
                                     .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    return own.size() < 3 || opponent.defections() > 0 ? Action::D : Action::C;
  }
};

/// Grudger that cooperates on the first two moves whatever happens [Mathieu2015].
class SpitefulCC final : public StrategyOf<SpitefulCC> {
 public:
  static constexpr StrategyInfo info{.id = "SpitefulCC",
                                     .name = "Spiteful CC",
                                     .aliases = "",
                                     .summary = "Cooperate twice, then Grudger.",
                                     .cite = "Mathieu2015",
                                     .memory_depth = -1,
                                     .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    return own.size() >= 2 && opponent.defections() > 0 ? Action::D : Action::C;
  }
};

/// Defects until the opponent's first cooperation, then cooperates forever [Knight2016].
class OppositeGrudger final : public StrategyOf<OppositeGrudger> {
 public:
  static constexpr StrategyInfo info{
      .id = "OppositeGrudger",
      .name = "Opposite Grudger",
      .aliases = "",
      .summary = "Defect until the opponent cooperates once, then always C.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    return opponent.cooperations() > 0 ? Action::C : Action::D;
  }
};

/// Defects until the opponent's first defection, then cooperates forever. Names: Easy Go
/// [Prison1998]; Reverse Grudger [LiKendall2011]; Fool Me Forever [Harper2017].
class EasyGo final : public StrategyOf<EasyGo> {
 public:
  static constexpr StrategyInfo info{
      .id = "EasyGo",
      .name = "Easy Go",
      .aliases = "ReverseGrudger, FoolMeForever",
      .summary = "Defect until the opponent defects once, then always C.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    return opponent.defections() > 0 ? Action::C : Action::D;
  }
};

/// Cooperates until the opponent's first defection, then alternates D, C [Prison1998].
class GrudgerAlternator final : public StrategyOf<GrudgerAlternator> {
 public:
  static constexpr StrategyInfo info{
      .id = "GrudgerAlternator",
      .name = "GrudgerAlternator",
      .aliases = "",
      .summary = "Cooperate until the opponent defects, then alternate D, C.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (opponent.defections() > 0 && own.back() == Action::C) return Action::D;
    return Action::C;
  }
};

/// After the opponent defects n times running, defects d times and then cooperates c times,
/// ignoring the opponent throughout; otherwise cooperates. Family defaults n = 1, d = 4, c = 2
/// (Soft Grudger). [Knight2016]
class GeneralSoftGrudger : public StrategyOf<GeneralSoftGrudger> {
 public:
  static constexpr StrategyInfo info{
      .id = "GeneralSoftGrudger",
      .name = "General Soft Grudger",
      .aliases = "",
      .summary = "After n opponent D's in a row play d D's then c C's (1, 4, 2).",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  GeneralSoftGrudger(int n = 1, int d = 4, int c = 2) : n_(n), d_(d), c_(c) {}
  Action move(const History&, const History& opponent, Stream&) override {
    if (left_ > 0) {  // inside the punishment-then-penance sequence
      --left_;
      return left_ >= c_ ? Action::D : Action::C;
    }
    if (ends_in_defections(opponent, n_)) {
      left_ = d_ + c_ - 1;  // this move is the first of the d defections
      return Action::D;
    }
    return Action::C;
  }

 private:
  static bool ends_in_defections(const History& h, int n) {
    if (h.size() < static_cast<std::size_t>(n)) return false;
    for (int k = 1; k <= n; ++k)
      if (h.back(static_cast<std::size_t>(k)) != Action::D) return false;
    return true;
  }
  int n_, d_, c_;
  int left_ = 0;
};

/// Answers a defection with D, D, D, D, C, C, ignoring the opponent meanwhile. Names: Soft
/// Grudger (SGRIM) [LiKendall2011].
class SoftGrudger final : public StrategyOf<SoftGrudger, GeneralSoftGrudger> {
 public:
  static constexpr StrategyInfo info{.id = "SoftGrudger",
                                     .name = "Soft Grudger",
                                     .aliases = "SGRIM",
                                     .summary = "Answer a defection with D, D, D, D, C, C.",
                                     .cite = "LiKendall2011",
                                     .memory_depth = 6,
                                     .stochastic = false};
  SoftGrudger() : StrategyOf(1, 4, 2) {}
};

namespace capri {
// A three-turn history written as (own, opponent) pairs oldest first, e.g. "CCCDDC", as the
// key Capri::move builds: two bits per turn, 2 * own + opponent with C = 0.
constexpr unsigned pair(char own, char opp) { return 2u * (own == 'D') + (opp == 'D'); }
constexpr unsigned h(const char (&s)[7]) {
  return (pair(s[0], s[1]) << 4) | (pair(s[2], s[3]) << 2) | pair(s[4], s[5]);
}
}  // namespace capri

/// CAPRI, a memory-three rule that cooperates at mutual cooperation, accepts punishment for its
/// own mistake, punishes a defection from cooperation once, and recovers cooperation from
/// mutual defection; every other three-turn history gets D. Turns before the first are taken
/// as mutual cooperation. [Murase2020]
class Capri final : public StrategyOf<Capri> {
 public:
  static constexpr StrategyInfo info{
      .id = "Capri",
      .name = "CAPRI",
      .aliases = "",
      .summary = "Memory-3 rule: cooperate, accept and punish once, recover from DD.",
      .cite = "Murase2020",
      .memory_depth = 3,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    // Key: the last three (own, opponent) pairs, oldest first, two bits each (C = 0).
    unsigned key = 0;
    for (std::size_t k = 3; k >= 1; --k) {
      const bool seen = own.size() >= k;
      key = (key << 2) |
            (seen ? 2 * static_cast<unsigned>(own.back(k)) + static_cast<unsigned>(opponent.back(k))
                  : 0u);
    }
    for (const unsigned c : kCooperate)
      if (c == key) return Action::C;
    return Action::D;
  }

 private:
  // The 14 histories the five rules answer with C, as (own,opp) pairs oldest first.
  static constexpr std::array<unsigned, 14> kCooperate = {
      capri::h("CCCCCC"), capri::h("CCCCDC"), capri::h("CCDCCD"), capri::h("DCCDCC"),
      capri::h("CDCCCC"),                                          // C, A (and R2)
      capri::h("CCCDDC"), capri::h("CDDCCC"), capri::h("DCCCCC"),  // after P
      capri::h("DDDDDC"), capri::h("DDDCCC"), capri::h("DDDDCD"), capri::h("DDCDCC"),  // R1, R2
      capri::h("DDDDCC"), capri::h("DDCCCC")};                                         // R3
};

}  // namespace kindest::strategies
