#include "strategies/reactive.hpp"

#include <string>

#include "strategies/family_args.hpp"

namespace kindest::strategies {

std::unique_ptr<Strategy> Reactive::parse(std::string_view args) {
  const FamilyArgs parser(info.id, args, syntax);
  const auto fields = parser.fields(args);
  if (fields.size() != 3) parser.fail("expected 3 numbers, got " + std::to_string(fields.size()));
  return std::make_unique<Reactive>(parser.probability(fields[0], "y"),
                                    parser.probability(fields[1], "p"),
                                    parser.probability(fields[2], "q"));
}

std::unique_ptr<Strategy> GTFT::parse(std::string_view args) {
  const FamilyArgs parser(info.id, args, syntax);
  const auto fields = parser.fields(args);
  if (fields.size() != 1) parser.fail("expected 1 number, got " + std::to_string(fields.size()));
  return std::make_unique<GTFT>(parser.probability(fields[0], "q"));
}

}  // namespace kindest::strategies
