#pragma once
// What the sweep tests share: a quick deterministic base config and the "same sweep" check.
#include <catch2/catch.hpp>
#include <string>

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

inline std::string sweep_config(const TempDir& dir) {
  // Exact small-mutation analysis: deterministic per point, a few ms each.
  return dir.write("base.ini",
                   "[run]\njob = analysis\nseed = 5\n[game]\ntype = donation_game\nbenefit = 3\n"
                   "cost = 1\n[match]\nexecution_error_rate = 0.01\n[population]\nsize = 30\n"
                   "strategies = ALLC, ALLD, TFT, WSLS\n[payoffs]\nsource = exact\n"
                   "[dynamics]\nprocess = moran_birth_death\nselection_intensity = 0.1\n");
}

}  // namespace kindest::testing
