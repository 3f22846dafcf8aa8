#pragma once
// "Did you mean": the known names closest to a misspelt one, for error messages.
#include <string>
#include <string_view>
#include <vector>

namespace kindest {

/// Case-insensitive Levenshtein distance.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Up to `max_count` candidates ordered by distance to `name`, keeping only plausible ones
/// (distance at most about a third of the longer name, or a case-insensitive prefix match).
std::vector<std::string> closest_names(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max_count = 3);

/// " (did you mean 'x' or 'y'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace kindest
