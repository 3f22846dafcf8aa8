#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "engine/core/resources.hpp"

using namespace kindest;
using Catch::Matchers::Contains;

TEST_CASE("resources: sizes read as a person reads them", "[core][resources]") {
  CHECK(size_text(512) == "512 bytes");
  CHECK(size_text(1536) == "1.5 kB");
  CHECK(size_text(35.2 * 1024 * 1024 * 1024) == "35.2 GiB");
  CHECK_THAT(size_text(8e22), Contains("EiB"));  // the largest unit, however many
}

TEST_CASE("resources: estimates to two digits", "[core][resources]") {
  CHECK(estimate_text(4.6e11 + 12345) == "4.6e11");
  CHECK(estimate_text(4e15 + 4) == "4e15");
  CHECK(estimate_text(99999999.5) == "1e8");
  CHECK(estimate_text(531.2) == "530");
}

TEST_CASE("resources: a need beyond the machine is refused with what to lower",
          "[core][resources]") {
  CHECK(available_memory() > 0);
  CHECK_NOTHROW(require_memory(1024.0, "[population] size = 10", "lower it"));
  // 4e9 doubles for each of 1e3 strategies: no machine has that.
  CHECK_THROWS_AS(require_memory(3.2e16, "x", "y"), ResourceError);
  CHECK_THROWS_WITH(
      require_memory(3.2e16, "[population] size = 4000000000", "lower [population] size"),
      Contains("[population] size = 4000000000 needs 28.4 PiB of memory") &&
          Contains("available; lower [population] size"));
  CHECK_THROWS_WITH(require_disk(1e25, ".", "1e21 records", "raise record_interval"),
                    Contains("1e21 records would write about") && Contains("free there"));
  CHECK(available_disk("no/such/dir/file.h5") > 0);  // measured where it would be created
}

TEST_CASE("resources: ulimit -v counts (a cluster job's memory limit)", "[core][resources]") {
  rlimit old{};
  REQUIRE(::getrlimit(RLIMIT_AS, &old) == 0);
  const std::uint64_t before = available_memory();
  // Allow 64 MiB beyond what the process maps now; restore the soft limit after.
  rlimit tight = old;
  std::ifstream status("/proc/self/status");
  std::string line;
  std::uint64_t mapped = 0;
  while (std::getline(status, line))
    if (line.rfind("VmSize:", 0) == 0) mapped = std::stoull(line.substr(7)) * 1024;
  REQUIRE(mapped > 0);
  tight.rlim_cur = mapped + (64u << 20);
  if (old.rlim_max != RLIM_INFINITY && tight.rlim_cur > old.rlim_max) tight.rlim_cur = old.rlim_max;
  REQUIRE(::setrlimit(RLIMIT_AS, &tight) == 0);
  const std::uint64_t limited = available_memory();
  ::setrlimit(RLIMIT_AS, &old);
  CHECK(limited <= (64u << 20));
  CHECK(limited < before);
  CHECK(available_memory() == Approx(static_cast<double>(before)).epsilon(0.5));
}
