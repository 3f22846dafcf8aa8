// Turning user text into Players: ids, aliases and family specs, with "did you mean".
#include <algorithm>
#include <cctype>

#include "engine/core/errors.hpp"
#include "engine/core/suggest.hpp"
#include "strategies/groups.hpp"
#include "strategies/registry.hpp"

namespace kindest::strategies {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return normalized_name(a) == normalized_name(b);
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

std::string normalized_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (const char c : name)
    if (c != ' ' && c != '-' && c != '_')
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

Player Registry::make_player(std::string_view spec) const {
  spec = trim(spec);
  const auto open = spec.find('(');
  if (open != std::string_view::npos) {
    if (spec.back() != ')')
      throw StrategyError("strategy spec " + quoted_for_message(spec) + " has no closing ')'");
    const auto family_name = trim(spec.substr(0, open));
    const auto args = trim(spec.substr(open + 1, spec.size() - open - 2));
    for (const auto& f : families_) {
      if (same_name(f.info.id, family_name)) {
        auto prototype = f.parse(args);
        return {std::string(f.info.id) + "(" + std::string(args) + ")", std::move(prototype)};
      }
    }
    std::vector<std::string> names;
    for (const auto& f : families_) names.emplace_back(f.info.id);
    throw StrategyError("unknown strategy family " + quoted_for_message(family_name) +
                        did_you_mean(family_name, names) +
                        "; `kindest strategies` lists families and their syntax");
  }
  // Each name is compared once normalised, so the text is walked once per name whatever its
  // length: a huge unknown name costs O(length), and the suggestion below bounds its own work.
  const std::string wanted = normalized_name(spec);
  for (const auto& s : named_) {
    if (normalized_name(s.info.id) == wanted || normalized_name(s.info.name) == wanted)
      return {std::string(s.info.id), s.make()};
    for (auto alias : split_aliases(s.info.aliases))
      if (normalized_name(alias) == wanted) return {std::string(s.info.id), s.make()};
  }
  std::vector<std::string> names;
  for (const auto& s : named_) {
    names.emplace_back(s.info.id);
    for (auto alias : split_aliases(s.info.aliases)) names.emplace_back(alias);
  }
  for (const auto& f : families_) names.emplace_back(f.info.id);
  throw StrategyError("unknown strategy " + quoted_for_message(spec) + did_you_mean(spec, names) +
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
      if (!item.empty() && item.front() == '@')
        for (auto& p : make_group(*this, item.substr(1))) players.push_back(std::move(p));
      else if (!item.empty())
        players.push_back(make_player(item));
      start = i + 1;
    }
  }
  if (depth != 0)
    throw StrategyError("unbalanced parentheses in strategy list " + quoted_for_message(list));
  return players;
}

}  // namespace kindest::strategies
