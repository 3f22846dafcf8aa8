#pragma once
// Every config key Kindest knows: its type, default, allowed range and meaning. `--help`,
// docs/CONFIG.md and validation all come from this one list. Keys are "section.key"; a section
// is named after the engine folder that consumes it.
#include <string>
#include <string_view>
#include <vector>

namespace kindest::config {

// strategy_list and job values are names whose owners (the strategy registry, the job registry)
// sit above engine/config; the schema says what the key holds and the owner validates the value,
// with the key, the value, the names there are and the config's source.
enum class ValueType { integer, real, boolean, text, choice, strategy_list, job };

struct KeySpec {
  std::string_view key;  // "match.turns"
  ValueType type;
  std::string_view default_value;
  std::string_view doc;                        // one sentence; units where ambiguous
  double min = 0, max = 0;                     // integer / real: allowed range
  bool max_exclusive = false;                  // real: [min, max)
  std::vector<std::string_view> choices = {};  // choice: from its table in choices.hpp
};

const std::vector<KeySpec>& schema();

/// The spec of `key`, or nullptr.
const KeySpec* find_key(std::string_view key);

/// Human description of the allowed values, e.g. "[0, 1]", "one of a, b", "true or false".
std::string allowed_values(const KeySpec& spec);

/// docs/CONFIG.md, generated from the schema (a test keeps the committed file in sync).
std::string schema_markdown();

}  // namespace kindest::config
