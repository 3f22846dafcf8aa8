#pragma once
// Values that hold lists ("0.5, 0.25, 0.25"; "3,0;5,1"): split and parsed in one place, so
// every list key trims, rejects and reports the same way.
#include <string>
#include <vector>

#include "engine/core/number_text.hpp"

namespace kindest::config {

/// Items between separators, trimmed of spaces and tabs: "a, b" -> {"a", "b"}.
std::vector<std::string> split_list(const std::string& text, char separator = ',');

/// Items between commas outside parentheses, trimmed: "L1, Pair(stochastic:0,1,0,1,0,1,0,1/DISC)"
/// -> {"L1", "Pair(stochastic:0,1,0,1,0,1,0,1/DISC)"}. Empty items are dropped. Throws
/// ConfigError naming `what` and the text when the parentheses do not balance.
std::vector<std::string> split_specs(const std::string& text, const std::string& what);

/// Finite numbers between separators. Throws ConfigError
/// "config error: <what>: '<item>' is not a number" naming the first bad item.
std::vector<double> parse_numbers(const std::string& text, const std::string& what,
                                  char separator = ',');

/// Numbers in messages and config values: the engine's one formatter (engine/core/number_text.hpp),
/// named here too because config code has always called it config::number_text.
using kindest::number_text;

}  // namespace kindest::config
