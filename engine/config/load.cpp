#include "engine/config/load.hpp"

#include <boost/program_options.hpp>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "engine/config/schema.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/suggest.hpp"

namespace po = boost::program_options;

namespace kindest::config {
namespace {

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> all_keys() {
  std::vector<std::string> keys;
  for (const auto& k : schema()) keys.emplace_back(k.key);
  return keys;
}

[[noreturn]] void unknown_key(const std::string& key, const std::string& where) {
  const auto dot = key.find('.');
  const std::string shown =
      dot == std::string::npos ? key : "[" + key.substr(0, dot) + "] " + key.substr(dot + 1);
  throw ConfigError("config error: unknown key " + shown + " (" + where + ")" +
                    did_you_mean(key, all_keys()));
}

po::options_description describe_schema() {
  po::options_description desc;
  for (const auto& k : schema())
    desc.add_options()(std::string(k.key).c_str(), po::value<std::string>());
  return desc;
}

// Boost's INI parser reports bad lines without their number; check the shape of every line
// first so the message can point at it, and hand Boost a cleaned text:
//  - '#' comments anywhere, ';' comments at the start of a line (Boost knows only '#');
//  - an indented line continues the previous value (long player lists), as in Python's
//    configparser; line numbers are kept by leaving a blank line in its place.
std::string check_lines(const std::string& path, const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::vector<std::string> lines;
  int number = 0;
  bool in_value = false;
  while (std::getline(in, line)) {
    ++number;
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';') {
      lines.emplace_back();
      continue;
    }
    const bool indented = line[0] == ' ' || line[0] == '\t';
    if (indented && in_value) {
      std::size_t target = lines.size();
      while (lines[--target].empty()) {
      }
      lines[target] += " " + t;
      lines.emplace_back();
      continue;
    }
    const bool section = t.front() == '[' && t.back() == ']' && t.size() > 2;
    const auto eq = t.find('=');
    const bool assignment = eq != std::string::npos && !trim(t.substr(0, eq)).empty();
    if (!section && !assignment)
      throw ConfigError("config error: " + path + ":" + std::to_string(number) +
                        ": expected '[section]' or 'key = value', got '" + t + "'");
    in_value = assignment;
    lines.push_back(t);
  }
  std::string cleaned;
  for (const auto& l : lines) cleaned += l + "\n";
  return cleaned;
}

double parse_number(const std::string& value, bool integer, bool& ok) {
  const char* begin = value.c_str();
  char* end = nullptr;
  errno = 0;
  const double x =
      integer ? static_cast<double>(std::strtoll(begin, &end, 10)) : std::strtod(begin, &end);
  ok = end != begin && *end == '\0' && errno == 0 && std::isfinite(x);
  return x;
}

}  // namespace

void validate_value(const std::string& key, const std::string& value, const std::string& where) {
  const KeySpec* spec = find_key(key);
  if (!spec) unknown_key(key, where);
  const auto dot = key.find('.');
  const std::string shown = "[" + key.substr(0, dot) + "] " + key.substr(dot + 1) + " = " + value;
  auto fail = [&](const std::string& why) {
    throw ConfigError("config error: " + shown + " " + why + " (" + where + ")");
  };
  switch (spec->type) {
    case ValueType::integer:
    case ValueType::real: {
      bool ok = false;
      const double x = parse_number(value, spec->type == ValueType::integer, ok);
      if (!ok)
        fail(std::string("is not ") +
             (spec->type == ValueType::integer ? "an integer" : "a number") +
             "; allowed: " + allowed_values(*spec));
      if (x < spec->min || x > spec->max || (spec->max_exclusive && x >= spec->max))
        fail("is outside " + allowed_values(*spec));
      break;
    }
    case ValueType::boolean:
      if (value != "true" && value != "false" && value != "1" && value != "0" && value != "yes" &&
          value != "no" && value != "on" && value != "off")
        fail("is not true or false");
      break;
    case ValueType::choice: {
      std::vector<std::string> options;
      std::string_view rest = spec->choices;
      while (true) {
        const auto bar = rest.find('|');
        options.emplace_back(rest.substr(0, bar));
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
      }
      bool known = false;
      for (const auto& o : options) known = known || o == value;
      if (!known) fail("is not " + allowed_values(*spec) + did_you_mean(value, options));
      break;
    }
    case ValueType::text:
    case ValueType::strategy_list:
      break;
  }
}

Config load_config(const std::string& path, const std::vector<std::string>& overrides) {
  std::map<std::string, std::string> given;
  const auto desc = describe_schema();
  if (!path.empty()) {
    std::ifstream file(path);
    if (!file) throw ConfigError("config error: cannot open config file '" + path + "'");
    std::stringstream buffer;
    buffer << file.rdbuf();
    std::istringstream in(check_lines(path, buffer.str()));
    po::parsed_options parsed(&desc);
    try {
      parsed = po::parse_config_file(in, desc, /*allow_unregistered=*/true);
    } catch (const po::error& e) {
      throw ConfigError("config error: " + path + ": " + e.what());
    }
    for (const auto& opt : parsed.options) {
      if (opt.unregistered) unknown_key(opt.string_key, "in " + path);
      if (given.count(opt.string_key))
        throw ConfigError("config error: key " + opt.string_key + " is given twice (in " + path +
                          ")");
      given[opt.string_key] = trim(opt.value.empty() ? "" : opt.value.front());
    }
  }
  for (std::string o : overrides) {
    if (o.rfind("--", 0) == 0) o = o.substr(2);
    const auto eq = o.find('=');
    if (eq == std::string::npos)
      throw ConfigError("config error: override '" + o + "' must look like --section.key=value");
    const std::string key = trim(o.substr(0, eq));
    if (!find_key(key)) unknown_key(key, "on the command line");
    given[key] = trim(o.substr(eq + 1));
  }
  const std::string where = path.empty() ? "on the command line" : "in " + path;
  std::map<std::string, std::string> resolved;
  for (const auto& spec : schema()) {
    const std::string key(spec.key);
    const auto it = given.find(key);
    if (it == given.end()) {
      resolved[key] = std::string(spec.default_value);
      continue;
    }
    validate_value(key, it->second, where);
    resolved[key] = it->second;
  }
  return Config(std::move(resolved), path.empty() ? "command line" : path);
}

}  // namespace kindest::config
