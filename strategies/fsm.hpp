#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// A deterministic finite-state machine (Moore-style automaton reading the opponent's moves).
/// Family: FSM(INITIAL_STATE,INITIAL_MOVE; S,M->S2,M2; ...). It plays INITIAL_MOVE first;
/// afterwards, in state S, having just seen the opponent play M, it moves to state S2 and plays
/// M2. States are whole numbers; every state named anywhere needs a transition for both C and
/// D. FSM(0,C; 0,C->0,C; 0,D->1,D; 1,C->0,C; 1,D->1,D) is Tit For Tat.
/// Names: finite state machine players [Miller1996].
class FSM : public StrategyOf<FSM> {
 public:
  static constexpr StrategyInfo info{
      .id = "FSM",
      .name = "Finite State Machine",
      .aliases = "",
      .summary = "Move and change state by a transition table on the opponent's last move.",
      .cite = "Miller1996",
      .memory_depth = -1,
      .stochastic = false};
  static constexpr std::string_view syntax =
      "FSM(INITIAL_STATE,INITIAL_MOVE; STATE,OPP_MOVE->NEXT_STATE,MOVE; ...)  states are whole "
      "numbers, moves C or D; each state needs a transition for OPP_MOVE C and for D; e.g. "
      "FSM(0,C; 0,C->0,C; 0,D->1,D; 1,C->0,C; 1,D->1,D) is Tit For Tat";

  /// Throws StrategyError on a malformed, duplicate or missing transition.
  explicit FSM(std::string_view spec);
  static std::unique_ptr<Strategy> parse(std::string_view args) {
    return std::make_unique<FSM>(args);
  }

  Action move(const History& own, const History& opponent, Stream&) override;

 private:
  struct Transition {
    std::uint32_t next;  // dense state index
    Action move;
  };
  std::vector<Transition> table_;  // [2 * state + opponent move]
  std::uint32_t initial_state_ = 0;
  Action initial_move_ = Action::C;
  std::uint32_t state_ = 0;
  Action last_ = Action::C;  // the move for the turns seen so far
  std::size_t seen_ = 0;     // opponent moves already fed to the machine
};

}  // namespace kindest::strategies
