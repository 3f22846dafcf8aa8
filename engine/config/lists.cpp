#include "engine/config/lists.hpp"

#include <cmath>
#include <sstream>

#include "engine/core/errors.hpp"

namespace kindest::config {

std::vector<std::string> split_list(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, separator)) {
    const auto b = item.find_first_not_of(" \t");
    const auto e = item.find_last_not_of(" \t");
    out.push_back(b == std::string::npos ? "" : item.substr(b, e - b + 1));
  }
  return out;
}

std::vector<std::string> split_specs(const std::string& text, const std::string& what) {
  std::vector<std::string> out;
  int depth = 0;
  std::string item;
  const auto flush = [&] {
    const auto b = item.find_first_not_of(" \t");
    const auto e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    item.clear();
  };
  for (const char c : text) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (depth < 0) break;
    if (c == ',' && depth == 0)
      flush();
    else
      item += c;
  }
  if (depth != 0)
    throw ConfigError("config error: " + what + " = " + text + " has unbalanced parentheses");
  flush();
  return out;
}

std::vector<double> parse_numbers(const std::string& text, const std::string& what,
                                  char separator) {
  std::vector<double> out;
  for (const auto& item : split_list(text, separator)) {
    std::size_t used = 0;
    double x = NAN;
    try {
      x = std::stod(item, &used);
    } catch (const std::exception&) {
    }
    if (item.empty() || used != item.size() || !std::isfinite(x))
      throw ConfigError("config error: " + what + ": '" + item + "' is not a number");
    out.push_back(x);
  }
  return out;
}

}  // namespace kindest::config
