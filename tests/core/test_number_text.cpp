#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "engine/core/number_text.hpp"
#include "engine/random/streams.hpp"

using kindest::number_text;

namespace {
// Significant digits in a decimal text ("0.050" -> 2, "1.5e-7" -> 2, "100" -> 1).
int significant_digits(const std::string& text) {
  std::string digits;
  for (char c : text.substr(0, text.find('e')))
    if (c >= '0' && c <= '9') digits += c;
  const auto b = digits.find_first_not_of('0');
  if (b == std::string::npos) return 1;
  const auto e = digits.find_last_not_of('0');
  return static_cast<int>(e - b + 1);
}

// The fewest significant digits with which printf's %.*g reads back as x: an independent
// definition of "shortest" (printf rounds correctly in glibc).
int fewest_digits(double x) {
  for (int p = 1; p <= 17; ++p) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", p, x);
    if (std::strtod(buf, nullptr) == x) return p;
  }
  return 17;
}
}  // namespace

TEST_CASE("number_text: what people and configs read", "[core][number_text]") {
  CHECK(number_text(0.05) == "0.05");  // not 0.050000000000000003 (issue 7, bug 5)
  CHECK(number_text(0.1 + 0.2) == "0.30000000000000004");
  CHECK(number_text(1) == "1");
  CHECK(number_text(0) == "0");
  CHECK(number_text(-0.0) == "-0");
  CHECK(number_text(0.001) == "0.001");
  CHECK(number_text(100) == "100");
  CHECK(number_text(10000) == "10000");  // as long as 1e+04: ties go to fixed
  CHECK(number_text(1e5) == "1e5");
  CHECK(number_text(1e9) == "1e9");
  CHECK(number_text(-1e9) == "-1e9");
  CHECK(number_text(4e9) == "4e9");
  CHECK(number_text(1e15) == "1e15");
  CHECK(number_text(9007199254740992.0) == "9007199254740992");  // %.10g said 9.007199255e+15
  CHECK(number_text(1e-6) == "1e-6");
  CHECK(number_text(-2.5e-9) == "-2.5e-9");
  CHECK(number_text(1e-10) == "1e-10");
  CHECK(number_text(1.5e-300) == "1.5e-300");
  CHECK(number_text(std::nan("")) == "nan");
  CHECK(number_text(INFINITY) == "inf");
  CHECK(number_text(-INFINITY) == "-inf");
}

TEST_CASE("number_text: reads back bit for bit with the fewest digits", "[core][number_text]") {
  kindest::Stream rng(11, kindest::Purpose::simulation_check);
  for (int i = 0; i < 20000; ++i) {
    // Random bit patterns cover every exponent; uniform draws cover the usual [0, 1).
    std::uint64_t bits = rng.bits();
    double x = 0;
    std::memcpy(&x, &bits, sizeof x);
    if (i % 2) x = rng.uniform();
    if (!std::isfinite(x)) continue;
    const std::string text = number_text(x);
    INFO(text);
    const double back = std::strtod(text.c_str(), nullptr);  // stod refuses subnormals
    REQUIRE(std::memcmp(&back, &x, sizeof x) == 0);
    // An integer in fixed notation has as many characters whatever its digits (to_chars writes
    // 502287927366001920 rather than the equally long ...001900); otherwise fewest digits.
    const bool integer = text.find_first_of(".e") == std::string::npos;
    if (!integer) REQUIRE(significant_digits(text) == fewest_digits(x));
  }
}
