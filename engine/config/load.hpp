#pragma once
// INI file + "--section.key=value" overrides -> validated Config. Parsing is Boost's; every
// error is a ConfigError naming the file, line or key, the value, and what is allowed.
#include <string>
#include <vector>

#include "engine/config/config.hpp"

namespace kindest::config {

/// Loads `path` (may be empty: defaults only) and applies `overrides` ("section.key=value" or
/// "--section.key=value"), later ones winning. Throws ConfigError.
Config load_config(const std::string& path, const std::vector<std::string>& overrides = {});

/// Checks one value against its key's spec; throws ConfigError naming key, value, range and
/// `where` (e.g. "in experiments/x.ini").
void validate_value(const std::string& key, const std::string& value, const std::string& where);

}  // namespace kindest::config
