// Turning user text into Players: ids, aliases and family specs, with "did you mean".
#include <algorithm>
#include <cctype>

#include "engine/core/errors.hpp"
#include "engine/core/suggest.hpp"
#include "strategies/registry.hpp"

namespace kindest::strategies {
namespace {

bool equal_ci(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_aliases(std::string_view aliases) {
  std::vector<std::string_view> out;
  while (!aliases.empty()) {
    const auto comma = aliases.find(',');
    out.push_back(trim(aliases.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    aliases.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

Player Registry::make_player(std::string_view spec) const {
  spec = trim(spec);
  const auto open = spec.find('(');
  if (open != std::string_view::npos) {
    if (spec.back() != ')')
      throw StrategyError("strategy spec '" + std::string(spec) + "' has no closing ')'");
    const auto family_name = trim(spec.substr(0, open));
    const auto args = trim(spec.substr(open + 1, spec.size() - open - 2));
    for (const auto& f : families_) {
      if (equal_ci(f.info.id, family_name)) {
        auto prototype = f.parse(args);
        return {std::string(f.info.id) + "(" + std::string(args) + ")", std::move(prototype)};
      }
    }
    std::vector<std::string> names;
    for (const auto& f : families_) names.emplace_back(f.info.id);
    throw StrategyError("unknown strategy family '" + std::string(family_name) + "'" +
                        did_you_mean(family_name, names) +
                        "; `kindest strategies` lists families and their syntax");
  }
  for (const auto& s : named_) {
    if (equal_ci(s.info.id, spec)) return {std::string(s.info.id), s.make()};
    for (auto alias : split_aliases(s.info.aliases))
      if (equal_ci(alias, spec)) return {std::string(s.info.id), s.make()};
  }
  std::vector<std::string> names;
  for (const auto& s : named_) {
    names.emplace_back(s.info.id);
    for (auto alias : split_aliases(s.info.aliases)) names.emplace_back(alias);
  }
  for (const auto& f : families_) names.emplace_back(f.info.id);
  throw StrategyError("unknown strategy '" + std::string(spec) + "'" + did_you_mean(spec, names) +
                      "; `kindest strategies` lists them all");
}

std::vector<Player> Registry::make_players(std::string_view list) const {
  std::vector<Player> players;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= list.size(); ++i) {
    const char c = i < list.size() ? list[i] : ',';
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      const auto item = trim(list.substr(start, i - start));
      if (!item.empty()) players.push_back(make_player(item));
      start = i + 1;
    }
  }
  if (depth != 0)
    throw StrategyError("unbalanced parentheses in strategy list '" + std::string(list) + "'");
  return players;
}

}  // namespace kindest::strategies
