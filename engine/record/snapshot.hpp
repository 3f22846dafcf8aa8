#pragma once
// What the recorder stores: named arrays of plain numbers or strings, with shape, units and
// meaning. Models and dynamics produce these; the HDF5 writer turns them into datasets without
// knowing what they mean.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kindest::record {

using Values = std::variant<std::vector<double>, std::vector<std::uint64_t>,
                            std::vector<std::uint32_t>, std::vector<std::string>>;

struct Dataset {
  std::string path;                // "/tournament/score_per_turn"
  std::vector<std::size_t> shape;  // row-major; product = number of values
  Values values;
  std::string units;        // "payoff per turn", "-" where dimensionless
  std::string description;  // one sentence, stored as an attribute
};

/// A group of datasets written together, e.g. the results of one tournament.
struct Snapshot {
  std::vector<Dataset> datasets;
};

/// Root attributes every Kindest file carries (docs/FORMAT.md).
struct FileMetadata {
  std::string job;  // "tournament"
  std::uint64_t seed = 0;
  std::string config_ini;  // the fully resolved config
};

}  // namespace kindest::record
