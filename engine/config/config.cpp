#include "engine/config/config.hpp"

#include <algorithm>
#include <stdexcept>

#include "engine/config/lists.hpp"
#include "engine/config/schema.hpp"
#include "engine/config/values.hpp"

namespace kindest::config {
namespace {

[[noreturn]] void unreadable(std::string_view key, const std::string& value, const char* what) {
  throw std::logic_error("config key " + std::string(key) + " = " + value + " is not " + what +
                         " (the config was not validated)");
}

// Whether two texts of `key` mean the same value.
bool same_value(const KeySpec& spec, const std::string& a, const std::string& b) {
  if (a == b) return true;
  switch (spec.type) {
    case ValueType::integer: {
      const auto x = parse_integer(a), y = parse_integer(b);
      return x.status == NumberStatus::ok && y.status == NumberStatus::ok && x.value == y.value;
    }
    case ValueType::real: {
      const auto x = parse_real(a), y = parse_real(b);
      return x.status == NumberStatus::ok && y.status == NumberStatus::ok && x.value == y.value;
    }
    case ValueType::boolean: {
      const auto x = parse_boolean(a), y = parse_boolean(b);
      return x && y && *x == *y;
    }
    case ValueType::strategy_list:
      return split_list(a) == split_list(b);
    case ValueType::text:
    case ValueType::choice:
    case ValueType::job:
      return false;
  }
  return false;
}

}  // namespace

const std::string& Config::text(std::string_view key) const {
  const auto it = values_.find(key);
  if (it == values_.end()) throw std::logic_error("config key not in schema: " + std::string(key));
  return it->second;
}

std::int64_t Config::integer(std::string_view key) const {
  const auto x = parse_integer(text(key));
  if (x.status != NumberStatus::ok) unreadable(key, text(key), "an integer");
  return x.value;
}

std::uint64_t Config::unsigned_integer(std::string_view key) const {
  const auto x = parse_integer(text(key));
  if (x.status != NumberStatus::ok || x.value < 0)
    unreadable(key, text(key), "a non-negative integer");
  return static_cast<std::uint64_t>(x.value);
}

double Config::real(std::string_view key) const {
  const auto x = parse_real(text(key));
  if (x.status != NumberStatus::ok) unreadable(key, text(key), "a finite number");
  return x.value;
}

bool Config::boolean(std::string_view key) const {
  const auto x = parse_boolean(text(key));
  if (!x) unreadable(key, text(key), "true or false");
  return *x;
}

std::string Config::to_ini() const {
  std::string out = "# Resolved Kindest config (source: " + source_ + ")\n";
  std::string section;
  for (const auto& spec : schema()) {
    const auto dot = spec.key.find('.');
    const std::string s(spec.key.substr(0, dot));
    if (s != section) {
      out += (section.empty() ? "" : "\n") + std::string("[") + s + "]\n";
      section = s;
    }
    out += std::string(spec.key.substr(dot + 1)) + " = " + text(spec.key) + "\n";
  }
  return out;
}

std::vector<Difference> differences(const Config& a, const Config& b,
                                    const std::vector<std::string>& ignore) {
  std::vector<Difference> out;
  for (const auto& spec : schema()) {
    if (std::find(ignore.begin(), ignore.end(), spec.key) != ignore.end()) continue;
    const std::string& x = a.text(spec.key);
    const std::string& y = b.text(spec.key);
    if (!same_value(spec, x, y)) out.push_back({std::string(spec.key), x, y});
  }
  return out;
}

std::string describe(const std::vector<Difference>& differences, const std::string& left,
                     const std::string& right) {
  std::string out;
  for (const auto& d : differences) {
    const auto dot = d.key.find('.');
    out += (out.empty() ? "" : "; ") + ("[" + d.key.substr(0, dot) + "] " + d.key.substr(dot + 1)) +
           " = " + d.left + " in " + left + ", " + d.right + " in " + right;
  }
  return out;
}

}  // namespace kindest::config
