#include "engine/config/values.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace kindest::config {

ParsedInteger parse_integer(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') text.remove_prefix(1);
  const char* end_of_text = text.data() + text.size();
  std::int64_t x = 0;
  const auto [end, ec] = std::from_chars(text.data(), end_of_text, x);
  // "-", "1.5", "ten", "1e3" are not integers; all digits but beyond int64 is out of range.
  if (text.empty() || end != end_of_text) return {NumberStatus::malformed, 0};
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
