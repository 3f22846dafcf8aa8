#pragma once
// A validated, fully resolved configuration: every schema key has a value (given or default).
// Immutable once loaded; typed getters parse values that validation already accepted, with the
// same parsers validation used (config/values.hpp).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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
  /// Values are written as they were given (a number keeps its digits: "1e-6" stays "1e-6"), so
  /// the text stored in result files does not change when the formatter does; numbers the
  /// program makes (quick-command flags) are made with kindest::number_text.
  std::string to_ini() const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
  std::string source_;
};

/// One key whose value differs between two configs.
struct Difference {
  std::string key;    // "section.key"
  std::string left;   // its text in the first config
  std::string right;  // its text in the second
};

/// The keys, in schema order, whose values differ between `a` and `b`, skipping `ignore`
/// (e.g. {"run.output"}: a resumed run may write under another name). Values compare by what
/// they mean for their type, not by spelling: numbers by value ("0.05" = "5e-2"), booleans by
/// truth ("1" = "true"), lists item by item after trimming ("A,B" = "A, B"); text and choices
/// exactly. Resume and sweeps use it.
std::vector<Difference> differences(const Config& a, const Config& b,
                                    const std::vector<std::string>& ignore = {});

/// For a message: "[match] turns = 70 in <left>, 50 in <right>", one per difference, joined by
/// "; ". E.g. describe(d, "this config", "the file").
std::string describe(const std::vector<Difference>& differences, const std::string& left,
                     const std::string& right);

}  // namespace kindest::config
