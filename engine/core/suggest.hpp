#pragma once
// "Did you mean": the known names closest to a misspelt one, for error messages.
#include <string>
#include <string_view>
#include <vector>

namespace kindest {

/// Case-insensitive Levenshtein distance.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Up to `max_count` candidates ordered by closeness to `name`, keeping only plausible ones:
/// edit distance at most about a third of the longer name, or `name` (3 characters or more) a
/// case-insensitive prefix or substring of the candidate ("Joss" -> "FirstByJoss"). The work is
/// bounded by the candidates' lengths: a name far longer than every candidate is compared with
/// none, since its distance to each must exceed the limit.
std::vector<std::string> closest_names(std::string_view name,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max_count = 3);

/// " (did you mean 'x' or 'y'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

/// `text` quoted for a message, cut to its first `max_chars` characters with the full length
/// said when longer: 'xxxx...' (10485760 characters). Keeps messages readable whatever the input.
std::string quoted_for_message(std::string_view text, std::size_t max_chars = 80);

}  // namespace kindest
