#include "strategies/family_args.hpp"

#include <cctype>
#include <charconv>

#include "engine/core/errors.hpp"

namespace kindest::strategies {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool parse_double(std::string_view s, double& out) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && ec == std::errc{} && end == s.data() + s.size();
}

}  // namespace

void FamilyArgs::fail(const std::string& problem) const {
  throw StrategyError(std::string(family_) + "(" + std::string(args_) + "): " + problem +
                      "; syntax: " + std::string(syntax_));
}

std::vector<std::string_view> FamilyArgs::fields(std::string_view text, char sep) const {
  std::vector<std::string_view> out;
  text = trim(text);
  if (text.empty()) return out;
  while (true) {
    const auto at = text.find(sep);
    out.push_back(trim(text.substr(0, at)));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return out;
}

double FamilyArgs::number(std::string_view text, std::string_view what) const {
  const auto slash = text.find('/');
  double value = 0;
  if (slash == std::string_view::npos) {
    if (parse_double(text, value)) return value;
  } else {
    double numerator = 0;
    double denominator = 0;
    if (parse_double(text.substr(0, slash), numerator) &&
        parse_double(text.substr(slash + 1), denominator) && denominator != 0)
      return numerator / denominator;
  }
  fail(std::string(what) + " = '" + std::string(text) +
       "' is not a number (write e.g. 0.25 or 1/4)");
}

double FamilyArgs::probability(std::string_view text, std::string_view what) const {
  const double p = number(text, what);
  if (!(p >= 0.0 && p <= 1.0))
    fail(std::string(what) + " = " + std::string(trim(text)) + " is outside [0, 1]");
  return p;
}

int FamilyArgs::integer(std::string_view text, std::string_view what, int lo, int hi) const {
  text = trim(text);
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < lo ||
      value > hi)
    fail(std::string(what) + " = '" + std::string(text) + "' must be a whole number in [" +
         std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return value;
}

std::vector<Action> FamilyArgs::moves(std::string_view text, std::string_view what,
                                      long length) const {
  std::vector<Action> out;
  for (char c : trim(text)) {
    if (c != 'C' && c != 'c' && c != 'D' && c != 'd')
      fail(std::string(what) + " = '" + std::string(trim(text)) + "' may hold only C and D");
    out.push_back(action_from_char(c));
  }
  if (length >= 0 && static_cast<long>(out.size()) != length)
    fail(std::string(what) + " = '" + std::string(trim(text)) + "' must have " +
         std::to_string(length) + " moves, not " + std::to_string(out.size()));
  return out;
}

}  // namespace kindest::strategies
