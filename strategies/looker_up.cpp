#include "strategies/looker_up.hpp"

#include <algorithm>
#include <string>

#include "strategies/family_args.hpp"

namespace kindest::strategies {
namespace {

std::uint32_t bit(Action a) { return static_cast<std::uint32_t>(a); }
double cooperates(Action a) { return a == Action::C ? 1.0 : 0.0; }

}  // namespace

LookerUp::LookerUp(int n_own, int n_opp, std::string_view first_moves, std::string_view table)
    : n_own_(static_cast<unsigned>(n_own)), n_opp_(static_cast<unsigned>(n_opp)) {
  const std::string args = std::to_string(n_own) + "," + std::to_string(n_opp) + "," +
                           std::string(first_moves) + "," + std::string(table);
  const FamilyArgs parser(info.id, args, syntax);
  if (n_own < 0 || n_opp < 0 || n_own + n_opp > max_bits)
    parser.fail("N_OWN and N_OPP must be >= 0 with N_OWN + N_OPP <= " + std::to_string(max_bits));
  first_ = parser.moves(first_moves, "FIRST", std::max(n_own, n_opp));
  table_ = parser.moves(table, "TABLE", 1L << (n_own + n_opp));
}

std::unique_ptr<Strategy> LookerUp::parse(std::string_view args) {
  const FamilyArgs parser(info.id, args, syntax);
  const auto fields = parser.fields(args);
  if (fields.size() != 4) parser.fail("expected 4 fields, got " + std::to_string(fields.size()));
  return std::make_unique<LookerUp>(parser.integer(fields[0], "N_OWN", 0, max_bits),
                                    parser.integer(fields[1], "N_OPP", 0, max_bits), fields[2],
                                    fields[3]);
}

Action LookerUp::move(const History& own, const History& opponent, Stream&) {
  if (own.size() < seen_) {  // a new match
    seen_ = 0;
    own_key_ = opp_key_ = 0;
  }
  const std::uint32_t own_mask = (1u << n_own_) - 1;
  const std::uint32_t opp_mask = (1u << n_opp_) - 1;
  for (; seen_ < own.size(); ++seen_) {
    own_key_ = ((own_key_ << 1) | bit(own[seen_])) & own_mask;
    opp_key_ = ((opp_key_ << 1) | bit(opponent[seen_])) & opp_mask;
  }
  if (seen_ < first_.size()) return first_[seen_];
  return table_[(own_key_ << n_opp_) | opp_key_];
}

std::optional<MemoryOneVector> LookerUp::memory_one() const {
  if (n_own_ > 1 || n_opp_ > 1) return std::nullopt;
  // A table that ignores one player's move reads the same entry for both of its values.
  const std::uint32_t own_mask = (1u << n_own_) - 1;
  const std::uint32_t opp_mask = (1u << n_opp_) - 1;
  MemoryOneVector v;
  for (std::uint32_t own = 0; own < 2; ++own)
    for (std::uint32_t opp = 0; opp < 2; ++opp)
      v.p[2 * own + opp] = cooperates(table_[((own & own_mask) << n_opp_) | (opp & opp_mask)]);
  v.first = cooperates(first_.empty() ? table_[0] : first_[0]);
  return v;
}

}  // namespace kindest::strategies
