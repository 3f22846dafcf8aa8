#include "strategies/memory_one.hpp"

#include <string>

#include "engine/core/errors.hpp"
#include "strategies/family_args.hpp"

namespace kindest::strategies {
namespace {
constexpr std::string_view kNames[] = {"pCC", "pCD", "pDC", "pDD"};
}  // namespace

MemoryOne::MemoryOne(const MemoryOneVector& v) : v_(v) {
  for (std::size_t i = 0; i < 4; ++i)
    if (!(v.p[i] >= 0.0 && v.p[i] <= 1.0))
      throw StrategyError(std::string("MemoryOne: ") + std::string(kNames[i]) + " = " +
                          std::to_string(v.p[i]) + " is outside [0, 1]");
  if (!(v.first >= 0.0 && v.first <= 1.0))
    throw StrategyError("MemoryOne: first = " + std::to_string(v.first) + " is outside [0, 1]");
}

std::unique_ptr<Strategy> MemoryOne::parse(std::string_view args) {
  const FamilyArgs parser(info.id, args, syntax);
  const auto fields = parser.fields(args);
  if (fields.size() != 4 && fields.size() != 5)
    parser.fail("expected 4 or 5 numbers, got " + std::to_string(fields.size()));
  MemoryOneVector v;
  for (std::size_t i = 0; i < 4; ++i) v.p[i] = parser.probability(fields[i], kNames[i]);
  if (fields.size() == 5) v.first = parser.probability(fields[4], "first");
  return std::make_unique<MemoryOne>(v);
}

}  // namespace kindest::strategies
