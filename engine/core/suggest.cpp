#include "engine/core/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace kindest {
namespace {
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equal_ci(char a, char b) { return lower(a) == lower(b); }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return prefix.size() <= s.size() && std::equal(prefix.begin(), prefix.end(), s.begin(), equal_ci);
}

bool contains_ci(std::string_view s, std::string_view part) {
  return part.size() <= s.size() &&
         std::search(s.begin(), s.end(), part.begin(), part.end(), equal_ci) != s.end();
}

// The largest edit distance still worth suggesting for names of these lengths. A distance as
// large as the shorter name means nothing of it is kept ("qz" is 2 from the alias "CS").
std::size_t distance_limit(std::size_t a, std::size_t b) {
  const std::size_t shorter = std::min(a, b);
  return std::min(std::max<std::size_t>(2, std::max(a, b) / 3), shorter > 0 ? shorter - 1 : 0);
}
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> closest_names(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max_count) {
  // Rank: exact-ish prefix and substring matches count as distance 1 (after a near-exact
  // spelling at distance 0), others by edit distance; ties keep the candidates' order.
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& c : candidates) {
    const std::size_t limit = distance_limit(name.size(), c.size());
    const std::size_t gap =
        name.size() > c.size() ? name.size() - c.size() : c.size() - name.size();
    const bool part = name.size() >= 3 && (starts_with_ci(c, name) || contains_ci(c, name));
    // The distance is at least the difference in length: past the limit, skip the O(n m) work.
    const std::size_t d = gap > limit ? gap : edit_distance(name, c);
    if (d <= limit || part) scored.emplace_back(part ? std::min<std::size_t>(d, 1) : d, c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, c] : scored) {
    if (out.size() == max_count) break;
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  const auto near = closest_names(name, candidates);
  if (near.empty()) return "";
  std::string s = " (did you mean ";
  for (std::size_t i = 0; i < near.size(); ++i) {
    if (i > 0) s += (i + 1 == near.size()) ? " or " : ", ";
    s += "'" + near[i] + "'";
  }
  return s + "?)";
}

std::string quoted_for_message(std::string_view text, std::size_t max_chars) {
  if (text.size() <= max_chars) return "'" + std::string(text) + "'";
  return "'" + std::string(text.substr(0, max_chars)) + "...' (" + std::to_string(text.size()) +
         " characters)";
}

}  // namespace kindest
