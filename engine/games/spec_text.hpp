#pragma once
// The text of a model's strategy specs, "Name(1, 2.5)": split in one place for every game that
// reads them (upstream reciprocity, continuous investment).
#include <string_view>
#include <vector>

namespace kindest::games {

/// `s` without leading and trailing spaces and tabs.
std::string_view trim_spec(std::string_view s);

/// "Name(1, 2.5)" -> name (as written before the parenthesis, not trimmed) and the numbers
/// appended to args; false when the text is not of that shape or an argument is not a number.
bool split_call(std::string_view text, std::string_view& name, std::vector<double>& args);

}  // namespace kindest::games
