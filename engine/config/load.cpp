#include "engine/config/load.hpp"

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "engine/config/schema.hpp"
#include "engine/config/values.hpp"
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
  // A [sweep] section is the grid of `kindest sweep` (engine/sweep/sweep_section.hpp), which
  // takes it out before loading; any other command meets it here.
  if (key.rfind("sweep.", 0) == 0)
    throw ConfigError("config error: " + shown + " (" + where +
                      ") belongs to a sweep's grid: run the file with kindest sweep, or one "
                      "of its points with kindest export SWEEP.h5 --point-config ROW");
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

// A config file is small text; anything larger is not one (and reading /dev/zero must end).
constexpr std::size_t kMaxConfigBytes = 16 << 20;

std::string read_config_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto link = fs::symlink_status(path, ec);
  if (fs::is_symlink(link) && !fs::exists(fs::status(path, ec))) {
    const auto target = fs::read_symlink(path, ec);
    throw ConfigError("config error: cannot read config file '" + path +
                      "': it is a symbolic link to '" + target.string() +
                      "', which does not exist");
  }
  if (fs::is_directory(fs::status(path, ec)))
    throw ConfigError("config error: '" + path +
                      "' is a directory, not a config file; give an .ini file");
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file)
    throw ConfigError("config error: cannot read config file '" + path +
                      "': " + std::strerror(errno));
  std::string text;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    text.append(buffer, n);
    if (text.size() > kMaxConfigBytes) {
      std::fclose(file);
      throw ConfigError("config error: '" + path + "' is larger than " +
                        std::to_string(kMaxConfigBytes >> 20) + " MiB; it is not a config file");
    }
  }
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed)
    throw ConfigError("config error: cannot read config file '" + path +
                      "': " + std::strerror(error));
  return text;
}

std::string shown_key(const std::string& key) {
  const auto dot = key.find('.');
  return dot == std::string::npos ? key : "[" + key.substr(0, dot) + "] " + key.substr(dot + 1);
}

// Result files store text as UTF-8 strings; a value that is not UTF-8 (a label saved as
// Latin-1) would be written there as bytes no reader can decode.
void check_utf8(const std::string& key, const std::string& value, const std::string& where) {
  const auto bad = first_invalid_utf8(value);
  if (!bad) return;
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(value[*bad]));
  throw ConfigError("config error: " + shown_key(key) + " is not valid UTF-8 text (byte " + byte +
                    " at offset " + std::to_string(*bad) +
                    " of the value); save the config as UTF-8 (" + where + ")");
}

}  // namespace

void validate_value(const std::string& key, const std::string& value, const std::string& where) {
  const KeySpec* spec = find_key(key);
  if (!spec) unknown_key(key, where);
  const std::string shown = shown_key(key) + " = " + value;
  auto fail = [&](const std::string& why) {
    throw ConfigError("config error: " + shown + " " + why + " (" + where + ")");
  };
  switch (spec->type) {
    case ValueType::integer: {
      const auto x = parse_integer(value);
      if (x.status == NumberStatus::malformed)
        fail("is not an integer; allowed: " + allowed_values(*spec));
      // Ranges are integers below 2^63, so comparing as integers is exact (2^53 + 1 > 2^53).
      if (x.status == NumberStatus::out_of_range ||
          x.value < static_cast<std::int64_t>(spec->min) ||
          x.value > static_cast<std::int64_t>(spec->max))
        fail("is outside " + allowed_values(*spec));
      break;
    }
    case ValueType::real: {
      const auto x = parse_real(value);
      if (x.status == NumberStatus::malformed)
        fail("is not a number; allowed: " + allowed_values(*spec));
      if (x.status == NumberStatus::out_of_range || x.value < spec->min || x.value > spec->max ||
          (spec->max_exclusive && x.value >= spec->max))
        fail("is outside " + allowed_values(*spec));
      break;
    }
    case ValueType::boolean:
      if (!parse_boolean(value)) fail("is not true or false");
      break;
    case ValueType::choice: {
      const std::vector<std::string> options(spec->choices.begin(), spec->choices.end());
      bool known = false;
      for (const auto& o : options) known = known || o == value;
      if (!known) fail("is not " + allowed_values(*spec) + did_you_mean(value, options));
      break;
    }
    case ValueType::text:
    case ValueType::strategy_list:  // checked by the strategy registry when players are made
    case ValueType::job:            // checked by the job registry (jobs::find_job)
      break;
  }
}

Config load_config_text(const std::string& text, const std::string& source,
                        const std::vector<std::string>& overrides) {
  // Each given value with where it came from, for messages: the file or the command line.
  std::map<std::string, std::pair<std::string, std::string>> given;
  const std::string in_file = "in " + source;
  if (!source.empty()) {
    const auto desc = describe_schema();
    std::istringstream in(check_lines(source, text));
    po::parsed_options parsed(&desc);
    try {
      parsed = po::parse_config_file(in, desc, /*allow_unregistered=*/true);
    } catch (const po::error& e) {
      throw ConfigError("config error: " + source + ": " + e.what());
    }
    for (const auto& opt : parsed.options) {
      if (opt.unregistered) unknown_key(opt.string_key, in_file);
      if (given.count(opt.string_key))
        throw ConfigError("config error: key " + opt.string_key + " is given twice (" + in_file +
                          ")");
      given[opt.string_key] = {trim(opt.value.empty() ? "" : opt.value.front()), in_file};
    }
  } else if (!trim(text).empty()) {
    throw std::logic_error("load_config_text: config text needs a source name for its messages");
  }
  for (std::string o : overrides) {
    if (o.rfind("--", 0) == 0) o = o.substr(2);
    const auto eq = o.find('=');
    if (eq == std::string::npos)
      throw ConfigError("config error: override '" + o + "' must look like --section.key=value");
    const std::string key = trim(o.substr(0, eq));
    if (!find_key(key)) unknown_key(key, "on the command line");
    given[key] = {trim(o.substr(eq + 1)), "on the command line"};
  }
  std::map<std::string, std::string> resolved;
  for (const auto& spec : schema()) {
    const std::string key(spec.key);
    const auto it = given.find(key);
    if (it == given.end()) {
      resolved[key] = std::string(spec.default_value);
      continue;
    }
    const auto& [value, where] = it->second;
    check_utf8(key, value, where);
    validate_value(key, value, where);
    // Integers are kept in plain decimal ("4e9" -> "4000000000"): the config stored in a result
    // file is read back by Python's configparser getint and compared on --resume.
    resolved[key] =
        spec.type == ValueType::integer ? std::to_string(parse_integer(value).value) : value;
  }
  return Config(std::move(resolved), source.empty() ? "command line" : source);
}

Config load_config(const std::string& path, const std::vector<std::string>& overrides) {
  if (path.empty()) return load_config_text("", "", overrides);
  return load_config_text(read_config_file(path), path, overrides);
}

}  // namespace kindest::config
