#pragma once
// The two moves of a 2x2 game. C = cooperate, D = defect. The numeric values are the row/column
// index into a payoff matrix, so `payoff[own][opponent]` needs no translation.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kindest {

enum class Action : std::uint8_t { C = 0, D = 1 };

constexpr Action flip(Action a) noexcept { return a == Action::C ? Action::D : Action::C; }
constexpr char to_char(Action a) noexcept { return a == Action::C ? 'C' : 'D'; }

inline Action action_from_char(char c) {
  if (c == 'C' || c == 'c') return Action::C;
  if (c == 'D' || c == 'd') return Action::D;
  throw std::invalid_argument(std::string("action must be C or D, got '") + c + "'");
}

/// "CCD" -> {C, C, D}; whitespace is ignored so move strings can be grouped for reading.
inline std::vector<Action> actions_from_string(std::string_view s) {
  std::vector<Action> out;
  for (char c : s)
    if (c != ' ' && c != '\t') out.push_back(action_from_char(c));
  return out;
}

inline std::string to_string(const std::vector<Action>& v) {
  std::string s;
  s.reserve(v.size());
  for (Action a : v) s.push_back(to_char(a));
  return s;
}

}  // namespace kindest
