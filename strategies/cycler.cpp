#include "strategies/cycler.hpp"

#include "strategies/family_args.hpp"

namespace kindest::strategies {

Cycler::Cycler(std::string_view pattern)
    : pattern_(FamilyArgs(info.id, pattern, syntax).moves(pattern, "PATTERN")) {
  if (pattern_.empty()) FamilyArgs(info.id, pattern, syntax).fail("PATTERN is empty");
}

std::unique_ptr<Strategy> Cycler::parse(std::string_view args) {
  return std::make_unique<Cycler>(args);
}

}  // namespace kindest::strategies
