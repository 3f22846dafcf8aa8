#pragma once
// Named finite-state machines: published or library-trained transition tables, played by the
// FSM family. Each table is written as FSM(...) text (initial state, initial move; then
// state,opponent move->next state,move) exactly as the source gives it, so a reader can check
// it against the paper or the Axelrod library's listing.
#include "strategies/fsm.hpp"

namespace kindest::strategies {

/// 16-state machine evolved for tournament score. Table transcribed from the Axelrod library
/// (Harper2017).
class EvolvedFSM16 final : public StrategyOf<EvolvedFSM16, FSM> {
 public:
  static constexpr StrategyInfo info{.id = "EvolvedFSM16",
                                     .name = "Evolved FSM 16",
                                     .aliases = "",
                                     .summary = "16-state machine evolved for tournament score.",
                                     .cite = "Harper2017",
                                     .memory_depth = -1,
                                     .stochastic = false};
  EvolvedFSM16()
      : StrategyOf(
            "0,C; 0,C->0,C; 0,D->12,D; 1,C->3,D; 1,D->6,C; 2,C->2,D; 2,D->14,D; 3,C->3,D; "
            "3,D->3,D; 5,C->12,D; 5,D->10,D; 6,C->5,C; 6,D->12,D; 7,C->3,D; 7,D->1,C; 8,C->5,C; "
            "8,D->5,C; 10,C->11,D; 10,D->8,C; 11,C->15,D; 11,D->5,D; 12,C->8,C; 12,D->11,D; "
            "13,C->13,D; 13,D->7,D; 14,C->13,D; 14,D->13,D; 15,C->15,D; 15,D->2,C") {}
};

/// 16-state machine evolved for score under 5% noise. Table transcribed from the Axelrod library
/// (Harper2017).
class EvolvedFSM16Noise05 final : public StrategyOf<EvolvedFSM16Noise05, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "EvolvedFSM16Noise05",
      .name = "Evolved FSM 16 Noise 05",
      .aliases = "",
      .summary = "16-state machine evolved for score under 5% noise.",
      .cite = "Harper2017",
      .memory_depth = -1,
      .stochastic = false};
  EvolvedFSM16Noise05()
      : StrategyOf(
            "0,C; 0,C->8,C; 0,D->3,D; 1,C->13,C; 1,D->15,D; 2,C->12,C; 2,D->3,D; 3,C->10,C; "
            "3,D->3,D; 4,C->5,D; 4,D->4,D; 5,C->4,D; 5,D->10,D; 6,C->8,C; 6,D->6,D; 8,C->2,C; "
            "8,D->4,D; 10,C->4,D; 10,D->1,D; 11,C->14,D; 11,D->13,C; 12,C->13,C; 12,D->2,C; "
            "13,C->13,C; 13,D->6,C; 14,C->3,D; 14,D->13,D; 15,C->5,D; 15,D->11,C") {}
};

/// 4-state machine evolved for tournament score. Table transcribed from the Axelrod library
/// (Harper2017).
class EvolvedFSM4 final : public StrategyOf<EvolvedFSM4, FSM> {
 public:
  static constexpr StrategyInfo info{.id = "EvolvedFSM4",
                                     .name = "Evolved FSM 4",
                                     .aliases = "",
                                     .summary = "4-state machine evolved for tournament score.",
                                     .cite = "Harper2017",
                                     .memory_depth = -1,
                                     .stochastic = false};
  EvolvedFSM4()
      : StrategyOf(
            "0,C; 0,C->0,C; 0,D->2,D; 1,C->3,D; 1,D->0,C; 2,C->2,D; 2,D->1,C; 3,C->3,D; 3,D->1,D") {
  }
};

/// 6-state machine evolved for score against the library's fast strategies. Table transcribed from
/// the Axelrod library (Knight2016).
class EvolvedFSM6 final : public StrategyOf<EvolvedFSM6, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "EvolvedFSM6",
      .name = "Evolved FSM 6",
      .aliases = "",
      .summary = "6-state machine evolved for score against the library's fast strategies.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  EvolvedFSM6()
      : StrategyOf(
            "4,C; 2,C->2,D; 2,D->7,D; 3,C->6,D; 3,D->4,C; 4,C->4,C; 4,D->6,D; 5,C->2,D; 5,D->7,D; "
            "6,C->3,C; 6,D->5,D; 7,C->2,C; 7,D->3,D") {}
};

/// Defect until the opponent plays D twice running, then cooperate while it cooperates. Table
/// transcribed from the Axelrod library (Ashlock2006b).
class Fortress3 final : public StrategyOf<Fortress3, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "Fortress3",
      .name = "Fortress3",
      .aliases = "",
      .summary =
          "Defect until the opponent plays D twice running, then cooperate while it cooperates.",
      .cite = "Ashlock2006b",
      .memory_depth = 2,
      .stochastic = false};
  Fortress3() : StrategyOf("1,D; 1,C->1,D; 1,D->2,D; 2,C->1,D; 2,D->3,C; 3,C->3,C; 3,D->1,D") {}
};

/// Defect until the opponent plays D three times running, then cooperate while it cooperates. Table
/// transcribed from the Axelrod library (Ashlock2006b).
class Fortress4 final : public StrategyOf<Fortress4, FSM> {
 public:
  static constexpr StrategyInfo info{.id = "Fortress4",
                                     .name = "Fortress4",
                                     .aliases = "",
                                     .summary =
                                         "Defect until the opponent plays D three times running, "
                                         "then cooperate while it cooperates.",
                                     .cite = "Ashlock2006b",
                                     .memory_depth = 3,
                                     .stochastic = false};
  Fortress4()
      : StrategyOf(
            "1,D; 1,C->1,D; 1,D->2,D; 2,C->1,D; 2,D->3,D; 3,C->1,D; 3,D->4,C; 4,C->4,C; 4,D->1,D") {
  }
};

/// 9-state machine that probes and exploits, evolved in small populations. Table transcribed from
/// the Axelrod library (Ashlock2006b).
class Predator final : public StrategyOf<Predator, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "Predator",
      .name = "Predator",
      .aliases = "",
      .summary = "9-state machine that probes and exploits, evolved in small populations.",
      .cite = "Ashlock2006b",
      .memory_depth = -1,
      .stochastic = false};
  Predator()
      : StrategyOf(
            "0,C; 0,C->0,D; 0,D->1,D; 1,C->2,D; 1,D->3,D; 2,C->4,C; 2,D->3,D; 3,C->5,D; 3,D->4,C; "
            "4,C->2,C; 4,D->6,D; 5,C->7,D; 5,D->3,D; 6,C->7,C; 6,D->7,D; 7,C->8,D; 7,D->7,D; "
            "8,C->8,D; 8,D->6,D") {}
};

/// Open D, then alternately cooperate regardless and copy the opponent. Table transcribed from the
/// Axelrod library (Ashlock2006).
class Pun1 final : public StrategyOf<Pun1, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "Pun1",
      .name = "Pun1",
      .aliases = "",
      .summary = "Open D, then alternately cooperate regardless and copy the opponent.",
      .cite = "Ashlock2006",
      .memory_depth = -1,
      .stochastic = false};
  Pun1() : StrategyOf("1,D; 1,C->2,C; 1,D->2,C; 2,C->1,C; 2,D->1,D") {}
};

/// Open D, D and exploit a cooperator; turn tit for tat after repeated retaliation. Table
/// transcribed from the Axelrod library (Ashlock2014).
class Raider final : public StrategyOf<Raider, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "Raider",
      .name = "Raider",
      .aliases = "",
      .summary = "Open D, D and exploit a cooperator; turn tit for tat after repeated retaliation.",
      .cite = "Ashlock2014",
      .memory_depth = -1,
      .stochastic = false};
  Raider()
      : StrategyOf(
            "0,D; 0,C->2,D; 0,D->2,D; 1,C->1,C; 1,D->1,D; 2,C->0,D; 2,D->3,C; 3,C->0,D; 3,D->1,C") {
  }
};

/// Open D, alternate C, D while the opponent cooperates; tit for tat once it defects. Table
/// transcribed from the Axelrod library (Ashlock2008).
class Ripoff final : public StrategyOf<Ripoff, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "Ripoff",
      .name = "Ripoff",
      .aliases = "",
      .summary =
          "Open D, alternate C, D while the opponent cooperates; tit for tat once it defects.",
      .cite = "Ashlock2008",
      .memory_depth = 3,
      .stochastic = false};
  Ripoff() : StrategyOf("1,D; 1,C->2,C; 1,D->3,C; 2,C->1,D; 2,D->3,C; 3,C->3,C; 3,D->3,D") {}
};

/// Defect until the opponent cooperates, then cooperate; after its next D, always C. Table
/// transcribed from the Axelrod library (Ashlock2015).
class SolutionB1 final : public StrategyOf<SolutionB1, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "SolutionB1",
      .name = "SolutionB1",
      .aliases = "",
      .summary =
          "Defect until the opponent cooperates, then cooperate; after its next D, always C.",
      .cite = "Ashlock2015",
      .memory_depth = 2,
      .stochastic = false};
  SolutionB1() : StrategyOf("1,D; 1,C->2,D; 1,D->1,D; 2,C->2,C; 2,D->3,C; 3,C->3,C; 3,D->3,C") {}
};

/// 6-state machine optimised against multiple opponents. Table transcribed from the Axelrod library
/// (Ashlock2015).
class SolutionB5 final : public StrategyOf<SolutionB5, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "SolutionB5",
      .name = "SolutionB5",
      .aliases = "",
      .summary = "6-state machine optimised against multiple opponents.",
      .cite = "Ashlock2015",
      .memory_depth = -1,
      .stochastic = false};
  SolutionB5()
      : StrategyOf(
            "1,D; 1,C->2,C; 1,D->6,D; 2,C->2,C; 2,D->3,D; 3,C->6,C; 3,D->1,D; 4,C->3,C; 4,D->6,D; "
            "5,C->5,D; 5,D->4,D; 6,C->3,C; 6,D->5,D") {}
};

/// Machine trained to maximise Moran fixation probability. Table transcribed from the Axelrod
/// library (Knight2016).
class TF1 final : public StrategyOf<TF1, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "TF1",
      .name = "TF1",
      .aliases = "",
      .summary = "Machine trained to maximise Moran fixation probability.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  TF1()
      : StrategyOf(
            "0,C; 0,C->7,C; 0,D->1,C; 1,C->11,D; 1,D->11,D; 2,C->8,D; 2,D->8,C; 3,C->3,C; "
            "3,D->12,D; 4,C->6,C; 4,D->3,C; 5,C->11,C; 5,D->8,D; 6,C->13,D; 6,D->14,C; 7,C->4,D; "
            "7,D->2,D; 8,C->14,D; 8,D->8,D; 9,C->0,C; 9,D->10,D; 10,C->8,C; 10,D->15,C; 11,C->6,D; "
            "11,D->5,D; 12,C->6,D; 12,D->9,D; 13,C->9,D; 13,D->8,D; 14,C->8,D; 14,D->13,D; "
            "15,C->4,C; 15,D->5,C") {}
};

/// Machine trained to maximise Moran fixation probability. Table transcribed from the Axelrod
/// library (Knight2016).
class TF2 final : public StrategyOf<TF2, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "TF2",
      .name = "TF2",
      .aliases = "",
      .summary = "Machine trained to maximise Moran fixation probability.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  TF2()
      : StrategyOf(
            "0,C; 0,C->13,D; 0,D->12,D; 1,C->3,D; 1,D->4,D; 2,C->14,D; 2,D->9,D; 3,C->0,C; "
            "3,D->1,D; 4,C->1,D; 4,D->2,D; 7,C->12,D; 7,D->2,D; 8,C->7,D; 8,D->9,D; 9,C->8,D; "
            "9,D->0,D; 10,C->2,C; 10,D->15,C; 11,C->7,D; 11,D->13,D; 12,C->3,C; 12,D->8,D; "
            "13,C->7,C; 13,D->10,D; 14,C->10,D; 14,D->7,D; 15,C->15,C; 15,D->11,D") {}
};

/// Machine trained to maximise Moran fixation probability. Table transcribed from the Axelrod
/// library (Knight2016).
class TF3 final : public StrategyOf<TF3, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "TF3",
      .name = "TF3",
      .aliases = "",
      .summary = "Machine trained to maximise Moran fixation probability.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  TF3()
      : StrategyOf(
            "0,C; 0,C->0,C; 0,D->3,C; 1,C->5,D; 1,D->0,C; 2,C->3,C; 2,D->2,D; 3,C->4,D; 3,D->6,D; "
            "4,C->3,C; 4,D->1,D; 5,C->6,C; 5,D->3,D; 6,C->6,D; 6,D->6,D; 7,C->7,D; 7,D->5,C") {}
};

/// Cooperate; answer a defection with two defections. Table transcribed from the Axelrod library
/// (Ashlock2008).
class Thumper final : public StrategyOf<Thumper, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "Thumper",
      .name = "Thumper",
      .aliases = "",
      .summary = "Cooperate; answer a defection with two defections.",
      .cite = "Ashlock2008",
      .memory_depth = -1,
      .stochastic = false};
  Thumper() : StrategyOf("1,C; 1,C->1,C; 1,D->2,D; 2,C->1,D; 2,D->1,D") {}
};

/// Cooperate, but defect once when the opponent's D is followed by a C. Table transcribed from the
/// Axelrod library (Ashlock2009).
class UsuallyCooperates final : public StrategyOf<UsuallyCooperates, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "UsuallyCooperates",
      .name = "Usually Cooperates",
      .aliases = "",
      .summary = "Cooperate, but defect once when the opponent's D is followed by a C.",
      .cite = "Ashlock2009",
      .memory_depth = -1,
      .stochastic = false};
  UsuallyCooperates() : StrategyOf("1,C; 1,C->1,C; 1,D->2,C; 2,C->1,D; 2,D->1,C") {}
};

/// Defect, but cooperate once when the opponent's C is followed by a D. Table transcribed from the
/// Axelrod library (Ashlock2009).
class UsuallyDefects final : public StrategyOf<UsuallyDefects, FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "UsuallyDefects",
      .name = "Usually Defects",
      .aliases = "",
      .summary = "Defect, but cooperate once when the opponent's C is followed by a D.",
      .cite = "Ashlock2009",
      .memory_depth = -1,
      .stochastic = false};
  UsuallyDefects() : StrategyOf("1,D; 1,C->2,D; 1,D->1,D; 2,C->1,D; 2,D->1,C") {}
};

}  // namespace kindest::strategies
