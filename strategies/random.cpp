#include "strategies/random.hpp"

#include "strategies/family_args.hpp"

namespace kindest::strategies {

Random Random::from_args(std::string_view args) {
  const FamilyArgs parse(info.id, args, syntax);
  const auto fields = parse.fields(args);
  if (fields.size() != 1) parse.fail("expected one probability");
  return Random(parse.probability(fields[0], "P"));
}

}  // namespace kindest::strategies
