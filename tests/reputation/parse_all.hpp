#pragma once
// The reputation tests' strategies from their specs, as the config layer reads them.
#include <string>
#include <vector>

#include "engine/reputation/strategy.hpp"

namespace kindest::testing {

inline std::vector<reputation::Strategy> parse_all(const std::vector<std::string>& specs) {
  std::vector<reputation::Strategy> out;
  for (const auto& s : specs) out.push_back(reputation::parse_strategy(s));
  return out;
}

}  // namespace kindest::testing
