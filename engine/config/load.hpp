#pragma once
// INI file + "--section.key=value" overrides -> validated Config. Parsing is Boost's; every
// error is a ConfigError naming the file, line or key, the value, and what is allowed.
#include <string>
#include <vector>

#include "engine/config/config.hpp"

namespace kindest::config {

/// Parses INI `text` read from `source` (a file name, shown in messages and kept as
/// Config::source(); empty for no file, when `text` must be empty too: defaults only) and applies
/// `overrides` ("section.key=value" or "--section.key=value"), later ones winning. Every value
/// must be UTF-8 and valid for its key. Throws ConfigError naming key, value, range and whether
/// the value came from `source` or the command line.
Config load_config_text(const std::string& text, const std::string& source,
                        const std::vector<std::string>& overrides = {});

/// Reads the file at `path` (empty: no file) and loads it as load_config_text does. A path that
/// is a directory, missing, unreadable or a dangling link is a ConfigError that says which.
Config load_config(const std::string& path, const std::vector<std::string>& overrides = {});

/// Checks one value against its key's spec; throws ConfigError naming key, value, range and
/// `where` (e.g. "in experiments/x.ini").
void validate_value(const std::string& key, const std::string& value, const std::string& where);

}  // namespace kindest::config
