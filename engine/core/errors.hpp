#pragma once
// Errors a user can cause and fix. The CLI prints what() once and exits non-zero; the text must
// name the offending key/value/file and what would be accepted.
#include <stdexcept>
#include <string>

namespace kindest {

/// A config file or override is malformed, names an unknown key, or holds a value out of range.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A strategy name or spec that the registry does not know or cannot parse.
class StrategyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An output or input file that cannot be used (exists without --force, unwritable, wrong format).
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace kindest
