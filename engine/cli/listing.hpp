#pragma once
// The listings: strategies (`kindest strategies`, docs/STRATEGIES.md) and the norms of indirect
// reciprocity (`kindest norms`).
#include <string>

namespace kindest::cli {

std::string strategies_table();
std::string strategies_markdown();
/// `kindest norms`: every named norm with its code, verdict table, action rule and source.
std::string norms_table();

}  // namespace kindest::cli
