#include "engine/core/resources.hpp"

#include <sys/resource.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "engine/core/number_text.hpp"

namespace kindest {
namespace {

constexpr std::uint64_t kUnknown = std::numeric_limits<std::uint64_t>::max();

std::uint64_t meminfo_available() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  std::uint64_t kb = 0;
  std::string unit;
  while (in >> key >> kb >> unit)
    if (key == "MemAvailable:") return kb * 1024;
  return kUnknown;
}

std::uint64_t read_number(const char* path) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text) || text == "max") return kUnknown;
  try {
    return std::stoull(text);
  } catch (const std::exception&) {
    return kUnknown;
  }
}

std::uint64_t cgroup_available() {
  const std::uint64_t max = read_number("/sys/fs/cgroup/memory.max");
  if (max == kUnknown) return kUnknown;
  const std::uint64_t used = read_number("/sys/fs/cgroup/memory.current");
  return used == kUnknown || used >= max ? (used == kUnknown ? max : 0) : max - used;
}

std::uint64_t address_space_available() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return kUnknown;
  // What the process maps already counts against the limit (VmSize in /proc/self/status).
  std::ifstream in("/proc/self/status");
  std::string line;
  std::uint64_t mapped = 0;
  while (std::getline(in, line))
    if (line.rfind("VmSize:", 0) == 0) mapped = std::stoull(line.substr(7)) * 1024;
  return limit.rlim_cur > mapped ? limit.rlim_cur - mapped : 0;
}

}  // namespace

std::uint64_t available_memory() {
  return std::min({meminfo_available(), cgroup_available(), address_space_available()});
}

std::string estimate_text(double x) {
  char rough[32];
  std::snprintf(rough, sizeof rough, "%.2g", x);
  return number_text(std::strtod(rough, nullptr));
}

std::string size_text(double bytes) {
  const char* units[] = {"bytes", "kB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  std::size_t u = 0;
  while (bytes >= 1024 && u + 1 < std::size(units)) {
    bytes /= 1024;
    ++u;
  }
  char buf[64];
  if (u == 0)
    std::snprintf(buf, sizeof buf, "%.0f bytes", bytes);
  else
    std::snprintf(buf, sizeof buf, "%.3g %s", bytes, units[u]);
  return buf;
}

void require_memory(double bytes, const std::string& what, const std::string& advice) {
  const std::uint64_t available = available_memory();
  if (available == kUnknown || bytes <= static_cast<double>(available)) return;
  throw ResourceError(what + " needs " + size_text(bytes) + " of memory, " +
                      size_text(static_cast<double>(available)) + " available; " + advice);
}

std::uint64_t available_disk(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path where = fs::absolute(path);
  std::error_code ec;
  while (!where.empty() && !fs::exists(where, ec)) where = where.parent_path();
  struct statvfs s {};
  if (where.empty() || ::statvfs(where.c_str(), &s) != 0) return kUnknown;
  return static_cast<std::uint64_t>(s.f_bavail) * s.f_frsize;
}

void require_disk(double bytes, const std::string& path, const std::string& what,
                  const std::string& advice) {
  const std::uint64_t available = available_disk(path);
  if (available == kUnknown || bytes <= static_cast<double>(available)) return;
  throw ResourceError(what + " would write about " + size_text(bytes) + " to '" + path + "', " +
                      size_text(static_cast<double>(available)) + " free there; " + advice);
}

}  // namespace kindest
