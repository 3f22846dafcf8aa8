#include "engine/config/config.hpp"

#include <stdexcept>

#include "engine/config/schema.hpp"

namespace kindest::config {

const std::string& Config::text(std::string_view key) const {
  const auto it = values_.find(key);
  if (it == values_.end()) throw std::logic_error("config key not in schema: " + std::string(key));
  return it->second;
}

std::int64_t Config::integer(std::string_view key) const { return std::stoll(text(key)); }
std::uint64_t Config::unsigned_integer(std::string_view key) const {
  return std::stoull(text(key));
}
double Config::real(std::string_view key) const { return std::stod(text(key)); }
bool Config::boolean(std::string_view key) const {
  const auto& v = text(key);
  return v == "true" || v == "1" || v == "yes" || v == "on";
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

}  // namespace kindest::config
