// The strategy library, one line per strategy, sorted by id. Families (parameterised rules)
// follow the named strategies.
#include "strategies/registry.hpp"

#include "strategies/tit_for_tat.hpp"

namespace kindest::strategies {
namespace {

Registry build() {
  Registry r;
  r.add<TitForTat>();
  return r;
}

}  // namespace

const Registry& registry() {
  static const Registry r = build();
  return r;
}

}  // namespace kindest::strategies
