#include "engine/config/values.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace kindest::config {

namespace {

// "4e9", "1.5e6": an integer in the scientific notation the schema's own ranges are printed in
// ([1, 1e15]), read exactly with integer arithmetic (a double would round 9.007199254740993e15).
// Malformed unless the value is a whole number: "1.5e0" and "1e-3" are not integers.
ParsedInteger parse_scientific_integer(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const auto e = text.find_first_of("eE");
  if (e == std::string_view::npos || e == 0) return {NumberStatus::malformed, 0};
  std::string_view mantissa = text.substr(0, e), exponent_text = text.substr(e + 1);
  if (!exponent_text.empty() && exponent_text[0] == '+') exponent_text.remove_prefix(1);
  int exponent = 0;
  const char* exponent_end = exponent_text.data() + exponent_text.size();
  const auto [end, ec] = std::from_chars(exponent_text.data(), exponent_end, exponent);
  if (exponent_text.empty() || end != exponent_end || ec != std::errc() || exponent < 0)
    return {NumberStatus::malformed, 0};
  std::string digits;
  const auto point = mantissa.find('.');
  for (std::size_t i = 0; i < mantissa.size(); ++i) {
    if (i == point) continue;
    if (mantissa[i] < '0' || mantissa[i] > '9') return {NumberStatus::malformed, 0};
    digits += mantissa[i];
  }
  if (digits.empty()) return {NumberStatus::malformed, 0};
  // Digits after the point move left by the exponent; those still after it must be zeros.
  const std::size_t fraction = point == std::string_view::npos ? 0 : mantissa.size() - point - 1;
  const auto shift = static_cast<std::int64_t>(exponent) - static_cast<std::int64_t>(fraction);
  if (shift < 0) {
    const auto cut = static_cast<std::size_t>(-shift);
    if (cut > digits.size()) return {NumberStatus::malformed, 0};
    if (digits.find_first_not_of('0', digits.size() - cut) != std::string::npos)
      return {NumberStatus::malformed, 0};
    digits.resize(digits.size() - cut);
  }
  std::uint64_t value = 0;
  constexpr std::uint64_t limit = std::uint64_t{1} << 63;  // |int64 min|
  const auto grow = [&](int digit) {
    if (value > (limit - static_cast<std::uint64_t>(digit)) / 10) return false;
    value = value * 10 + static_cast<std::uint64_t>(digit);
    return true;
  };
  for (const char d : digits)
    if (!grow(d - '0')) return {NumberStatus::out_of_range, 0};
  for (std::int64_t k = 0; k < shift && value != 0; ++k)
    if (!grow(0)) return {NumberStatus::out_of_range, 0};
  if (!negative && value == limit) return {NumberStatus::out_of_range, 0};
  const auto magnitude = static_cast<std::int64_t>(value == limit ? limit - 1 : value);
  return {NumberStatus::ok, negative ? (value == limit ? -magnitude - 1 : -magnitude) : magnitude};
}

}  // namespace

ParsedInteger parse_integer(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') text.remove_prefix(1);
  const char* end_of_text = text.data() + text.size();
  std::int64_t x = 0;
  const auto [end, ec] = std::from_chars(text.data(), end_of_text, x);
  if (text.empty()) return {NumberStatus::malformed, 0};
  // "-", "1.5", "ten" are not integers; "1e3" is one, in scientific notation.
  if (end != end_of_text) return parse_scientific_integer(text);
  if (ec == std::errc::result_out_of_range) return {NumberStatus::out_of_range, 0};
  if (ec != std::errc()) return {NumberStatus::malformed, 0};
  return {NumberStatus::ok, x};
}

ParsedReal parse_real(std::string_view text) {
  const std::string s(text);  // strtod needs a terminated string
  const char* begin = s.c_str();
  char* end = nullptr;
  const double x = std::strtod(begin, &end);
  if (s.empty() || end != begin + s.size() || std::isnan(x)) return {NumberStatus::malformed, 0};
  if (std::isinf(x)) return {NumberStatus::out_of_range, x};
  return {NumberStatus::ok, x};
}

std::optional<bool> parse_boolean(std::string_view t) {
  if (t == "true" || t == "1" || t == "yes" || t == "on") return true;
  if (t == "false" || t == "0" || t == "no" || t == "off") return false;
  return std::nullopt;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    std::size_t length = 0;
    std::uint32_t lowest = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2;
      lowest = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      lowest = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      lowest = 0x10000;
    } else {
      return i;  // a continuation byte without a lead, or 0xF8..0xFF
    }
    if (i + length > n) return i;
    std::uint32_t code = c & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      code = (code << 6) | (s[i + k] & 0x3F);
    }
    if (code < lowest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return std::nullopt;
}

}  // namespace kindest::config
