#pragma once
// Kin selection as assortment (Grafen 1979; Eshel & Cavalli-Sforza 1982; Nowak 2006, "Five rules
// for the evolution of cooperation"): with probability r an individual's partner is of its own
// type (identical by descent), otherwise a random member of the population. In an infinite
// population the expected payoff of i is
//
//   f_i = r A_ii + (1 - r) sum_j A_ij x_j = sum_j A'_ij x_j,   A'_ij = r A_ii + (1 - r) A_ij,
//
// because sum_j x_j = 1: assortment is the ordinary game with the matrix A'. The same identity
// holds in a finite population, with x_j the frequencies among the partners an individual can
// meet (the Z - 1 others, or all Z with self-interaction), so every process and the exact
// small-mutation analysis take kin assortment through A' alone. For the donation game (b, c),
// A' = [[b - c, r b - c], [(1 - r) b, 0]]: cooperation dominates iff r b > c (Hamilton's rule),
// and the replicator equation becomes x' = x (1 - x) (r b - c).
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/games/payoff_matrix.hpp"

namespace kindest::games {

/// A' = r A_ii + (1 - r) A_ij. r = 0 returns A unchanged (also NaN entries); throws ModelError
/// unless 0 <= r <= 1.
inline PayoffMatrix with_assortment(const PayoffMatrix& a, double r) {
  if (!(r >= 0.0 && r <= 1.0))
    throw ModelError("assortment", "r", number_text(r), "must be in [0, 1]");
  if (r == 0.0) return a;
  PayoffMatrix out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < a.size(); ++j) out(i, j) = r * a(i, i) + (1 - r) * a(i, j);
  return out;
}

}  // namespace kindest::games
