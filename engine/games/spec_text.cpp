#include "engine/games/spec_text.hpp"

#include <stdexcept>
#include <string>

namespace kindest::games {

std::string_view trim_spec(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool split_call(std::string_view text, std::string_view& name, std::vector<double>& args) {
  const auto open = text.find('(');
  if (open == std::string_view::npos || text.back() != ')') return false;
  name = text.substr(0, open);
  const std::string inner(text.substr(open + 1, text.size() - open - 2));
  std::size_t pos = 0;
  while (true) {
    const auto comma = inner.find(',', pos);
    const std::string part =
        inner.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    std::size_t used = 0;
    try {
      args.push_back(std::stod(part, &used));
    } catch (const std::exception&) {
      return false;
    }
    if (part.find_first_not_of(" \t", used) != std::string::npos) return false;
    if (comma == std::string::npos) return true;
    pos = comma + 1;
  }
}

}  // namespace kindest::games
