#pragma once
// The listings: strategies (`kindest strategies`, docs/STRATEGIES.md) and the norms of indirect
// reciprocity (`kindest norms`).
#include <optional>
#include <string>
#include <vector>

namespace kindest::cli {

/// Which named strategies a listing shows: `kindest strategies --memory 1 --deterministic`.
struct StrategyFilter {
  std::optional<int> max_memory;  // memory depth at most this (unbounded ones excluded)
  std::optional<bool> stochastic;
  std::string group;  // a strategies::strategy_groups() name, empty = all
};

/// `kindest strategies [--markdown] [--memory N] [--deterministic|--stochastic] [--group G]`:
/// parses the arguments and returns the listing. Throws ConfigError naming a bad argument.
std::string strategies_listing(const std::vector<std::string>& args);
std::string strategies_table(const StrategyFilter& filter = {});
std::string strategies_markdown();
/// `kindest norms`: every named norm with its code, verdict table, action rule and source.
std::string norms_table();

}  // namespace kindest::cli
