#pragma once
// The strategy library as the CLI resolves [population] strategies and [tournament] players,
// for tests that run jobs in process.
#include <string_view>

#include "engine/jobs/job.hpp"
#include "strategies/registry.hpp"

namespace kindest::testing {

inline const jobs::PlayerResolver& resolver() {
  static const jobs::PlayerResolver resolve = [](std::string_view list) {
    return strategies::registry().make_players(list);
  };
  return resolve;
}

}  // namespace kindest::testing
