#pragma once
// Every dataset of a result file as raw bytes: "same bits" comparisons between runs.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "engine/record/hdf5_reader.hpp"

namespace kindest::testing {

/// Every dataset's bytes, keyed by path.
inline std::map<std::string, std::vector<unsigned char>> contents(const std::string& file) {
  std::map<std::string, std::vector<unsigned char>> out;
  for (const auto& d : record::describe_file(file).datasets)
    out[d.path] = record::read_raw(file, d.path);
  return out;
}

inline void check_same_contents(const std::string& a, const std::string& b) {
  const auto x = contents(a), y = contents(b);
  REQUIRE(x.size() == y.size());
  for (const auto& [path, bytes] : x) {
    INFO(path);
    REQUIRE(y.count(path) == 1);
    CHECK(y.at(path) == bytes);
  }
}

}  // namespace kindest::testing
