#pragma once
// The strategy listing shown by `kindest strategies` and written to docs/STRATEGIES.md.
#include <string>

namespace kindest::cli {

std::string strategies_table();
std::string strategies_markdown();

}  // namespace kindest::cli
