#include "strategies/looker_up.hpp"

#include <algorithm>
#include <string>

#include "strategies/family_args.hpp"

namespace kindest::strategies {
namespace {

std::uint32_t bit(Action a) { return static_cast<std::uint32_t>(a); }
double cooperates(Action a) { return a == Action::C ? 1.0 : 0.0; }

}  // namespace

// Checks the sizes and the table (moves when `probabilities` is null) and fills `first` and
// `table`; errors quote the spec as a user would write it, numbers summarised.
void LookerUp::init(int n_own, int n_opp, int n_open, std::string_view first_moves,
                    std::string_view moves, const std::vector<double>* probabilities) {
  const std::string table = probabilities
                                ? "(" + std::to_string(probabilities->size()) + " probabilities)"
                                : std::string(moves);
  const std::string args = std::to_string(n_own) + "," + std::to_string(n_opp) + "," +
                           (n_open > 0 ? std::to_string(n_open) + "," : std::string()) +
                           std::string(first_moves) + "," + table;
  const FamilyArgs parser(info.id, args, syntax);
  if (n_own < 0 || n_opp < 0 || n_open < 0 || n_own + n_opp + n_open > max_bits)
    parser.fail("N_OWN, N_OPP and N_OPEN must be >= 0 with N_OWN + N_OPP + N_OPEN <= " +
                std::to_string(max_bits));
  first_ = parser.moves(first_moves, "FIRST", std::max({n_own, n_opp, n_open}));
  const long size = 1L << (n_own + n_opp + n_open);
  if (!probabilities) {
    for (const Action a : parser.moves(moves, "TABLE", size)) table_.push_back(cooperates(a));
    return;
  }
  if (static_cast<long>(probabilities->size()) != size)
    parser.fail("TABLE must have " + std::to_string(size) + " probabilities");
  for (const double p : *probabilities)
    if (!(p >= 0 && p <= 1)) parser.fail("TABLE probabilities must be in [0, 1]");
  table_ = *probabilities;
}

LookerUp::LookerUp(int n_own, int n_opp, int n_open, std::string_view first_moves,
                   std::string_view table)
    : n_own_(static_cast<unsigned>(n_own)),
      n_opp_(static_cast<unsigned>(n_opp)),
      n_open_(static_cast<unsigned>(n_open)) {
  init(n_own, n_opp, n_open, first_moves, table, nullptr);
}

LookerUp::LookerUp(int n_own, int n_opp, int n_open, std::string_view first_moves,
                   const std::vector<double>& probabilities)
    : n_own_(static_cast<unsigned>(n_own)),
      n_opp_(static_cast<unsigned>(n_opp)),
      n_open_(static_cast<unsigned>(n_open)) {
  init(n_own, n_opp, n_open, first_moves, {}, &probabilities);
}

std::unique_ptr<Strategy> LookerUp::parse(std::string_view args) {
  const FamilyArgs parser(info.id, args, syntax);
  const auto fields = parser.fields(args);
  if (fields.size() != 4 && fields.size() != 5)
    parser.fail("expected 4 or 5 fields, got " + std::to_string(fields.size()));
  const int n_open = fields.size() == 5 ? parser.integer(fields[2], "N_OPEN", 0, max_bits) : 0;
  return std::make_unique<LookerUp>(parser.integer(fields[0], "N_OWN", 0, max_bits),
                                    parser.integer(fields[1], "N_OPP", 0, max_bits), n_open,
                                    fields[fields.size() - 2], fields[fields.size() - 1]);
}

Action LookerUp::move(const History& own, const History& opponent, Stream& rng) {
  if (own.size() < seen_) {  // a new match
    seen_ = 0;
    own_key_ = opp_key_ = open_key_ = 0;
  }
  const std::uint32_t own_mask = (1u << n_own_) - 1;
  const std::uint32_t opp_mask = (1u << n_opp_) - 1;
  for (; seen_ < own.size(); ++seen_) {
    own_key_ = ((own_key_ << 1) | bit(own[seen_])) & own_mask;
    opp_key_ = ((opp_key_ << 1) | bit(opponent[seen_])) & opp_mask;
    if (seen_ < n_open_) open_key_ = (open_key_ << 1) | bit(opponent[seen_]);
  }
  if (seen_ < first_.size()) return first_[seen_];
  const double p = table_[(((own_key_ << n_opp_) | opp_key_) << n_open_) | open_key_];
  return rng.bernoulli(p) ? Action::C : Action::D;
}

std::optional<MemoryOneVector> LookerUp::memory_one() const {
  if (n_own_ > 1 || n_opp_ > 1 || n_open_ > 0) return std::nullopt;
  // A table that ignores one player's move reads the same entry for both of its values.
  const std::uint32_t own_mask = (1u << n_own_) - 1;
  const std::uint32_t opp_mask = (1u << n_opp_) - 1;
  MemoryOneVector v;
  for (std::uint32_t own = 0; own < 2; ++own)
    for (std::uint32_t opp = 0; opp < 2; ++opp)
      v.p[2 * own + opp] = table_[((own & own_mask) << n_opp_) | (opp & opp_mask)];
  v.first = first_.empty() ? table_[0] : cooperates(first_[0]);
  return v;
}

}  // namespace kindest::strategies
