#include "engine/sweep/sweep_section.hpp"

#include <filesystem>
#include <limits>
#include <sstream>

#include "engine/config/values.hpp"
#include "engine/core/errors.hpp"

namespace kindest::sweep {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// The key of a vary spec ("game.benefit" of "game.benefit=1,2").
std::string vary_key(const std::string& spec) { return trim(spec.substr(0, spec.find('='))); }

}  // namespace

SweepSection read_sweep_section(const std::string& text, const std::string& source) {
  SweepSection out;
  std::istringstream in(text);
  std::string line;
  bool inside = false;
  int number = 0;
  std::vector<Spec>* last = nullptr;  // the list an indented line continues
  while (std::getline(in, line)) {
    ++number;
    const std::string t = trim(line);
    const bool header = !t.empty() && t.front() == '[' && t.back() == ']';
    if (header) {
      inside = trim(t.substr(1, t.size() - 2)) == "sweep";
      last = nullptr;
    }
    if (!inside) {
      out.config_text += line + "\n";
      continue;
    }
    out.config_text += "\n";  // the line is the sweep's: blank for the config loader
    if (header || t.empty() || t[0] == '#' || t[0] == ';') continue;
    const std::string where = "in " + source + ", line " + std::to_string(number);
    // As the config loader reads values: '#' starts a comment, an indented line continues.
    const std::string body = trim(t.substr(0, t.find('#')));
    const bool indented = line[0] == ' ' || line[0] == '\t';
    if (indented && last && body.find('=') == std::string::npos) {
      last->back().text += " " + body;
      continue;
    }
    const auto eq = body.find('=');
    if (eq == std::string::npos)
      throw ConfigError("config error: [sweep] line '" + t + "' is not key = value (" + where +
                        ")");
    const std::string key = trim(body.substr(0, eq)), value = trim(body.substr(eq + 1));
    auto fail = [&](const std::string& why) {
      throw ConfigError("config error: [sweep] " + key + " = " + value + " " + why + " (" + where +
                        ")");
    };
    if (value.empty()) fail("is empty");
    const std::string spec_source = "[sweep] " + key + " = " + value + " (" + where + ")";
    last = nullptr;
    if (key == "vary" || key == "zip") {
      last = key == "vary" ? &out.vary : &out.zip;
      last->push_back({value, spec_source});
    } else if (key == "points") {
      if (!out.points.text.empty()) fail("is a second points line; give one");
      // Relative to the config file, so that the file and its points move together.
      std::filesystem::path p(value);
      if (p.is_relative()) p = std::filesystem::path(source).parent_path() / p;
      out.points = {p.string(), spec_source};
    } else if (key == "replicates") {
      if (out.replicates) fail("is a second replicates line; give one");
      const auto x = config::parse_integer(value);
      if (x.status != config::NumberStatus::ok || x.value < 1 ||
          x.value > std::numeric_limits<std::uint32_t>::max())
        fail("is outside [1, 2^32)");
      out.replicates = static_cast<std::uint64_t>(x.value);
    } else {
      fail("is no [sweep] key; allowed: vary, zip, points, replicates");
    }
  }
  return out;
}

SweepSection merge_command_line(SweepSection section, const std::vector<std::string>& vary,
                                const std::vector<std::string>& zip, const std::string& points,
                                std::optional<std::uint64_t> replicates) {
  for (const auto& spec : vary) {
    const std::string key = vary_key(spec);
    bool replaced = false;
    for (auto& s : section.vary)
      if (!replaced && vary_key(s.text) == key && !key.empty()) {
        s = {spec, ""};  // the command line's, in the section's place
        replaced = true;
      }
    if (!replaced) section.vary.push_back({spec, ""});
  }
  for (const auto& z : zip) section.zip.push_back({z, ""});
  if (!points.empty()) section.points = {points, ""};
  if (replicates) section.replicates = replicates;
  return section;
}

}  // namespace kindest::sweep
