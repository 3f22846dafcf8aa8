#pragma once
// Parsing one config value by its type: shared by validation (load.cpp) and the typed getters
// (config.cpp), so what validation accepts is exactly what the getters read. No wrap-around: a
// negative integer is never read as a huge unsigned one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kindest::config {

enum class NumberStatus { ok, malformed, out_of_range };

struct ParsedInteger {
  NumberStatus status;
  std::int64_t value;
};
/// Decimal integer with an optional sign, also in exact scientific notation ("4e9",
/// "2.5e3"); out_of_range beyond int64.
ParsedInteger parse_integer(std::string_view text);

struct ParsedReal {
  NumberStatus status;
  double value;
};
/// A decimal or hexadecimal floating-point number (strtod); malformed for NaN or trailing text,
/// out_of_range for infinity or overflow. Underflow reads as the nearest double (0 or subnormal).
ParsedReal parse_real(std::string_view text);

/// true / false, 1 / 0, yes / no, on / off; nullopt otherwise.
std::optional<bool> parse_boolean(std::string_view text);

/// Offset of the first byte that is not part of well-formed UTF-8 (overlong forms, surrogates
/// and code points above U+10FFFF are not), or nullopt when all of `text` is.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace kindest::config
