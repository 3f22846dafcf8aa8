#pragma once
// What the sweep tests share: a quick deterministic base config and the "same sweep" check.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <exception>
#include <string>
#include <thread>

#include "engine/record/hdf5_reader.hpp"
#include "tests/hdf5_contents.hpp"
#include "tests/temp_dir.hpp"

namespace kindest::testing {

// Every dataset's bytes but the wall times, the one thing two runs of a sweep may differ in.
inline void check_same_sweep(const std::string& a, const std::string& b) {
  auto x = contents(a), y = contents(b);
  x.erase("/sweep/points/wall_seconds");
  y.erase("/sweep/points/wall_seconds");
  REQUIRE(x.size() == y.size());
  for (const auto& [path, bytes] : x) {
    INFO(path);
    REQUIRE(y.count(path) == 1);
    CHECK(y.at(path) == bytes);
  }
}

// Rows of a sweep file that a commit has made whole, read as an SWMR reader while the sweep
// writes it (0 before the file or its commit slots are there).
inline std::uint64_t committed_rows(const std::string& path) {
  try {
    const auto a = record::read_numbers(path, "/sweep/commit_0");
    const auto b = record::read_numbers(path, "/sweep/commit_1");
    return static_cast<std::uint64_t>(std::max(a.at(1), b.at(1)));
  } catch (const std::exception&) {
    return 0;
  }
}

// Waits (up to a minute) until `rows` rows of the sweep writing `path` are committed: a kill
// then lands mid-sweep however fast or loaded the machine is, which no fixed or measured delay
// guarantees (a fraction of another run's time failed under load).
inline bool wait_for_committed_rows(const std::string& path, std::uint64_t rows) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (committed_rows(path) < rows)
    if (std::chrono::steady_clock::now() > end)
      return false;
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  return true;
}

inline std::string sweep_config(const TempDir& dir) {
  // Exact small-mutation analysis: deterministic per point, a few ms each.
  return dir.write("base.ini",
                   "[run]\njob = analysis\nseed = 5\n[game]\ntype = donation_game\nbenefit = 3\n"
                   "cost = 1\n[match]\nexecution_error_rate = 0.01\n[population]\nsize = 30\n"
                   "strategies = ALLC, ALLD, TFT, WSLS\n[payoffs]\nsource = exact\n"
                   "[dynamics]\nprocess = moran_birth_death\nselection_intensity = 0.1\n");
}

}  // namespace kindest::testing
