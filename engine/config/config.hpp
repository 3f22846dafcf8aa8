#pragma once
// A validated, fully resolved configuration: every schema key has a value (given or default).
// Immutable once loaded; typed getters parse values that validation already accepted.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace kindest::config {

class Config {
 public:
  /// Values are validated by load_config; building one directly skips that (tests only).
  Config(std::map<std::string, std::string> values, std::string source)
      : values_(values.begin(), values.end()), source_(std::move(source)) {}

  const std::string& text(std::string_view key) const;
  std::int64_t integer(std::string_view key) const;
  std::uint64_t unsigned_integer(std::string_view key) const;
  double real(std::string_view key) const;
  bool boolean(std::string_view key) const;

  /// Where the values came from ("experiments/x.ini" or "command line").
  const std::string& source() const noexcept { return source_; }
  /// The resolved config as INI text, every key in schema order; loading it gives this config.
  std::string to_ini() const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
  std::string source_;
};

}  // namespace kindest::config
