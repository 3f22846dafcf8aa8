#include "engine/sweep/grid.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/config/load.hpp"
#include "engine/config/schema.hpp"
#include "engine/config/values.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/suggest.hpp"

namespace kindest::sweep {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::vector<std::string> split(const std::string& s, char by) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(s);
  while (std::getline(in, item, by)) out.push_back(trim(item));
  if (!s.empty() && s.back() == by) out.emplace_back();
  return out;
}

[[noreturn]] void fail(const std::string& source, const std::string& why) {
  throw ConfigError("sweep error: " + source + ": " + why);
}

void check_key(const std::string& key, const std::string& source) {
  if (config::find_key(key)) return;
  std::vector<std::string> keys;
  for (const auto& k : config::schema()) keys.emplace_back(k.key);
  fail(source, "unknown key " + key + did_you_mean(key, keys));
}

double number(const std::string& text, const std::string& what, const std::string& source) {
  const auto x = config::parse_real(text);
  if (x.status != config::NumberStatus::ok) fail(source, what + " '" + text + "' is not a number");
  return x.value;
}

// start:stop:count[:log], inclusive of both ends; the ends are written as given, so that a
// grid's end points are the values a user would type for a single run.
std::vector<std::string> range_values(const std::vector<std::string>& parts,
                                      const std::string& source) {
  if (parts.size() < 3 || parts.size() > 4 || (parts.size() == 4 && parts[3] != "log"))
    fail(source, "a range is start:stop:count or start:stop:count:log");
  const double start = number(parts[0], "start", source), stop = number(parts[1], "stop", source);
  const auto count = config::parse_integer(parts[2]);
  if (count.status != config::NumberStatus::ok || count.value < 1)
    fail(source, "count '" + parts[2] + "' is not an integer >= 1");
  if (start > stop) fail(source, "start " + parts[0] + " is greater than stop " + parts[1]);
  const bool log = parts.size() == 4;
  if (log && !(start > 0)) fail(source, "a log range needs start > 0, got " + parts[0]);
  const auto n = static_cast<std::size_t>(count.value);
  if (n == 1 && start != stop)
    fail(source, "count 1 needs start = stop (one value); give count >= 2 for a range");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i == 0) {
      out.push_back(parts[0]);
      continue;
    }
    if (i + 1 == n) {
      out.push_back(parts[1]);
      continue;
    }
    const double f = static_cast<double>(i) / static_cast<double>(n - 1);
    const double x = log ? std::exp(std::log(start) + f * (std::log(stop) - std::log(start)))
                         : start + f * (stop - start);
    // 15 significant digits: the grid 0.001:0.1:3:log has 0.01, not 0.009999999999999998.
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.15g", x);
    out.push_back(number_text(std::strtod(digits, nullptr)));
  }
  return out;
}

}  // namespace

std::vector<std::string> Grid::keys() const {
  std::vector<std::string> out;
  for (const auto& d : dimensions_) out.insert(out.end(), d.keys.begin(), d.keys.end());
  return out;
}

std::size_t Grid::size() const {
  std::size_t n = 1;
  for (const auto& d : dimensions_) n *= d.values.size();
  return n;
}

std::vector<std::string> Grid::values(std::size_t point) const {
  std::vector<std::size_t> index(dimensions_.size());
  for (std::size_t d = dimensions_.size(); d-- > 0;) {
    index[d] = point % dimensions_[d].values.size();
    point /= dimensions_[d].values.size();
  }
  std::vector<std::string> out;
  for (std::size_t d = 0; d < dimensions_.size(); ++d) {
    const auto& v = dimensions_[d].values[index[d]];
    out.insert(out.end(), v.begin(), v.end());
  }
  return out;
}

std::vector<std::string> Grid::overrides(std::size_t point) const {
  const auto k = keys();
  const auto v = values(point);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < k.size(); ++i) out.push_back(k[i] + "=" + v[i]);
  return out;
}

std::string Grid::text() const {
  std::string out;
  for (const auto& d : dimensions_) {
    for (std::size_t k = 0; k < d.keys.size(); ++k) out += (k ? "," : "") + d.keys[k];
    out += " =";
    for (const auto& v : d.values) {
      out += " ";
      for (std::size_t k = 0; k < v.size(); ++k) out += (k ? "," : "") + v[k];
    }
    out += "\n";
  }
  return out;
}

Dimension parse_vary(const std::string& spec) {
  const std::string source = "--vary " + quoted_for_message(spec);
  const auto eq = spec.find('=');
  if (eq == std::string::npos) fail(source, "expected key=v1,v2,... or key=start:stop:count[:log]");
  const std::string key = trim(spec.substr(0, eq)), list = trim(spec.substr(eq + 1));
  check_key(key, source);
  if (list.empty()) fail(source, "no values for " + key);
  std::vector<std::string> values;
  const auto& type = config::find_key(key)->type;
  const bool numeric = type == config::ValueType::integer || type == config::ValueType::real;
  // A range only for numeric keys: strategy lists and matrices hold ':' of their own.
  if (numeric && list.find(':') != std::string::npos) {
    values = range_values(split(list, ':'), source);
  } else {
    values = split(list, ',');
    for (const auto& v : values)
      if (v.empty()) fail(source, "an empty value in the list for " + key);
  }
  Dimension d{{key}, {}, source};
  for (auto& v : values) d.values.push_back({v});
  return d;
}

Dimension read_points_csv(const std::string& path) {
  const std::string source = "--points " + path;
  std::ifstream in(path);
  if (!in) fail(source, "cannot read the file");
  std::string line;
  std::vector<std::string> header;
  Dimension d{{}, {}, source};
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    auto cells = split(line, ',');
    if (d.keys.empty()) {
      for (const auto& key : cells) check_key(key, source + ":" + std::to_string(number));
      d.keys = cells;
      continue;
    }
    if (cells.size() != d.keys.size())
      fail(source + ":" + std::to_string(number),
           std::to_string(cells.size()) + " values for " + std::to_string(d.keys.size()) + " keys");
    d.values.push_back(cells);
  }
  if (d.keys.empty()) fail(source, "no header line of keys");
  if (d.values.empty()) fail(source, "no points after the header");
  return d;
}

Grid make_grid(const std::vector<std::string>& vary, const std::vector<std::string>& zip,
               const std::string& points_csv) {
  std::vector<Dimension> dims;
  for (const auto& spec : vary) dims.push_back(parse_vary(spec));
  for (const auto& z : zip) {
    const std::string source = "--zip " + z;
    const auto keys = split(z, ',');
    if (keys.size() < 2) fail(source, "zip needs two or more keys, each given by --vary");
    std::vector<std::size_t> members;
    for (const auto& key : keys) {
      std::size_t found = dims.size();
      for (std::size_t i = 0; i < dims.size(); ++i)
        if (dims[i].keys.size() == 1 && dims[i].keys[0] == key) found = i;
      if (found == dims.size()) fail(source, key + " is not given by a --vary of its own");
      members.push_back(found);
    }
    Dimension merged{{}, {}, source};
    const std::size_t n = dims[members[0]].values.size();
    for (std::size_t m : members) {
      if (dims[m].values.size() != n)
        fail(source, dims[m].keys[0] + " has " + std::to_string(dims[m].values.size()) +
                         " values, " + dims[members[0]].keys[0] + " has " + std::to_string(n) +
                         "; zipped keys need as many values each");
      merged.keys.push_back(dims[m].keys[0]);
    }
    merged.values.resize(n);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t m : members) merged.values[i].push_back(dims[m].values[i][0]);
    // The zipped dimension takes the place of its first member.
    std::set<std::size_t> drop(members.begin(), members.end());
    std::vector<Dimension> next;
    for (std::size_t i = 0; i < dims.size(); ++i) {
      if (i == members[0]) next.push_back(merged);
      if (!drop.count(i)) next.push_back(dims[i]);
    }
    dims = std::move(next);
  }
  if (!points_csv.empty()) dims.push_back(read_points_csv(points_csv));
  std::map<std::string, std::string> seen;
  for (const auto& d : dims)
    for (std::size_t k = 0; k < d.keys.size(); ++k) {
      const auto& key = d.keys[k];
      if (seen.count(key))
        fail(d.source, key + " varies twice (also in " + seen[key] + "); give it once");
      seen[key] = d.source;
      if (key == "run.seed")
        fail(d.source,
             "[run] seed cannot vary: each point's seed is derived from the base "
             "seed, the point and the replicate; use --replicates");
      if (key == "run.output")
        fail(d.source, "[run] output cannot vary: a sweep writes one file (--output)");
      // Each distinct value once, by the schema's own check (its message names key and range).
      std::set<std::string> checked;
      for (const auto& v : d.values)
        if (checked.insert(v[k]).second) config::validate_value(key, v[k], "in " + d.source);
    }
  return Grid(std::move(dims));
}

}  // namespace kindest::sweep
