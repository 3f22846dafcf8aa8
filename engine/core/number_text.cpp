#include "engine/core/number_text.hpp"

#include <charconv>
#include <string_view>
#include <system_error>

namespace kindest {

std::string number_text(double x) {
  // 32 characters hold any double's shortest form ("-2.2250738585072014e-308" is 24).
  char buf[32];
  const auto shortest = std::to_chars(buf, buf + sizeof buf, x);
  std::string text(buf, shortest.ptr);
  const auto e = text.find('e');
  if (e == std::string::npos) return text;
  // to_chars writes the exponent as printf does: a sign and at least two digits ("1e+09",
  // "1e-06"). Drop the '+' and the leading zeros; strtod reads "1e9" and "1e-6" the same.
  std::string exponent = text.substr(e + 1);
  const bool negative = exponent.front() == '-';
  if (exponent.front() == '+' || negative) exponent.erase(0, 1);
  exponent.erase(0, exponent.find_first_not_of('0'));
  return text.substr(0, e + 1) + (negative ? "-" : "") + exponent;
}

}  // namespace kindest
