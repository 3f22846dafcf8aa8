#include "engine/structure/lattice_kernel.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

namespace kindest::structure {

namespace {

constexpr std::size_t kRowsPerTask = 8;

// The lattice neighbours of interior node (row, column) in increasing id: rows above, level,
// below, each left to right.
bool interior_matches(const Graph& g, std::size_t side, bool moore, std::size_t row,
                      std::size_t column) {
  const std::size_t v = row * side + column;
  Node expected[8];
  std::size_t k = 0;
  for (std::size_t r = row - 1; r <= row + 1; ++r)
    for (std::size_t c = column - 1; c <= column + 1; ++c) {
      const bool self = r == row && c == column;
      const bool corner = r != row && c != column;
      if (self || (corner && !moore)) continue;
      expected[k++] = static_cast<Node>(r * side + c);
    }
  const auto nb = g.neighbours(static_cast<Node>(v));
  return nb.size() == k && std::equal(nb.begin(), nb.end(), expected);
}

}  // namespace

std::optional<LatticeKernel> LatticeKernel::from_table(const Graph& graph,
                                                       const std::vector<double>& table) {
  const std::size_t n = graph.nodes();
  auto side = static_cast<std::size_t>(std::llround(std::sqrt(double(n))));
  if (side < 3 || side * side != n || graph.max_degree() > kMaxDegree || graph.min_degree() == 0)
    return std::nullopt;
  for (double x : table)
    if (std::isnan(x)) return std::nullopt;
  LatticeKernel k;
  k.graph_ = &graph;
  k.side_ = side;
  const std::size_t degree = graph.degree(static_cast<Node>(side + 1));
  if (degree != 8 && degree != 4) return std::nullopt;
  k.moore_ = degree == 8;
  for (std::size_t r = 1; r + 1 < side; ++r)
    for (std::size_t c = 1; c + 1 < side; ++c)
      if (!interior_matches(graph, side, k.moore_, r, c)) return std::nullopt;
  // Ranks: equal doubles get one rank, so rank order is the doubles' order, ties included.
  std::vector<double> values;
  for (std::uint32_t s = 0; s < 2; ++s)
    for (std::size_t d = 1; d <= kMaxDegree; ++d)
      for (std::size_t n1 = 0; n1 <= d; ++n1) values.push_back(table[index(s, d, n1)]);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  k.rank_of_.assign(table.size(), 0);
  for (std::uint32_t s = 0; s < 2; ++s)
    for (std::size_t d = 1; d <= kMaxDegree; ++d)
      for (std::size_t n1 = 0; n1 <= d; ++n1) {
        const double x = table[index(s, d, n1)];
        k.rank_of_[index(s, d, n1)] = static_cast<std::uint8_t>(
            std::lower_bound(values.begin(), values.end(), x) - values.begin());
      }
  k.rank_.assign(n, 0);
  return k;
}

std::uint8_t LatticeKernel::border_rank(const std::vector<std::uint8_t>& cells,
                                        Node v) const noexcept {
  const auto nb = graph_->neighbours(v);
  std::size_t ones = 0;
  for (Node w : nb) ones += cells[w];
  return rank_of_[index(cells[v], nb.size(), ones)];
}

void LatticeKernel::rank_row(const std::vector<std::uint8_t>& cells, std::size_t row) {
  const std::size_t L = side_, first = row * L;
  std::uint8_t* out = rank_.data() + first;
  if (row == 0 || row + 1 == L) {
    for (std::size_t c = 0; c < L; ++c) out[c] = border_rank(cells, static_cast<Node>(first + c));
    return;
  }
  const std::uint8_t* up = cells.data() + first - L;
  const std::uint8_t* mid = cells.data() + first;
  const std::uint8_t* down = cells.data() + first + L;
  // First the index of each interior node's payoff in rank_of_, in a loop the compiler
  // vectorises (bytes at fixed offsets), then the table look-up.
  const auto degree = static_cast<std::uint8_t>(moore_ ? 8 : 4);
  const auto base = static_cast<std::uint8_t>(index(0, degree, 0));
  constexpr auto stride = static_cast<std::uint8_t>(index(1, 0, 0));
  if (moore_) {
    for (std::size_t c = 1; c + 1 < L; ++c)
      out[c] =
          static_cast<std::uint8_t>(base + mid[c] * stride + up[c - 1] + up[c] + up[c + 1] +
                                    mid[c - 1] + mid[c + 1] + down[c - 1] + down[c] + down[c + 1]);
  } else {
    for (std::size_t c = 1; c + 1 < L; ++c)
      out[c] = static_cast<std::uint8_t>(base + mid[c] * stride + up[c] + mid[c - 1] + mid[c + 1] +
                                         down[c]);
  }
  for (std::size_t c = 1; c + 1 < L; ++c) out[c] = rank_of_[out[c]];
  out[0] = border_rank(cells, static_cast<Node>(first));
  out[L - 1] = border_rank(cells, static_cast<Node>(first + L - 1));
}

void LatticeKernel::choose_row(const std::vector<std::uint8_t>& cells,
                               std::vector<std::uint8_t>& next, std::size_t row) const {
  const std::size_t L = side_, first = row * L;
  std::uint8_t* out = next.data() + first;
  // The generic rule over CSR neighbours (in id order): a strictly higher payoff wins.
  const auto generic = [&](Node v) {
    std::uint8_t best = rank_[v], choice = cells[v];
    for (Node w : graph_->neighbours(v))
      if (rank_[w] > best) {
        best = rank_[w];
        choice = cells[w];
      }
    return choice;
  };
  if (row == 0 || row + 1 == L) {
    for (std::size_t c = 0; c < L; ++c) out[c] = generic(static_cast<Node>(first + c));
    return;
  }
  const std::uint8_t* r_up = rank_.data() + first - L;
  const std::uint8_t* r_mid = rank_.data() + first;
  const std::uint8_t* r_down = rank_.data() + first + L;
  const std::uint8_t* s_up = cells.data() + first - L;
  const std::uint8_t* s_mid = cells.data() + first;
  const std::uint8_t* s_down = cells.data() + first + L;
  // The same rule at the fixed offsets, in id order, without branches (vectorised).
  const auto take = [](std::uint8_t& best, std::uint8_t& choice, std::uint8_t rank,
                       std::uint8_t strategy) {
    const bool higher = rank > best;
    best = higher ? rank : best;
    choice = higher ? strategy : choice;
  };
  if (moore_) {
    for (std::size_t c = 1; c + 1 < L; ++c) {
      std::uint8_t best = r_mid[c], choice = s_mid[c];
      take(best, choice, r_up[c - 1], s_up[c - 1]);
      take(best, choice, r_up[c], s_up[c]);
      take(best, choice, r_up[c + 1], s_up[c + 1]);
      take(best, choice, r_mid[c - 1], s_mid[c - 1]);
      take(best, choice, r_mid[c + 1], s_mid[c + 1]);
      take(best, choice, r_down[c - 1], s_down[c - 1]);
      take(best, choice, r_down[c], s_down[c]);
      take(best, choice, r_down[c + 1], s_down[c + 1]);
      out[c] = choice;
    }
  } else {
    for (std::size_t c = 1; c + 1 < L; ++c) {
      std::uint8_t best = r_mid[c], choice = s_mid[c];
      take(best, choice, r_up[c], s_up[c]);
      take(best, choice, r_mid[c - 1], s_mid[c - 1]);
      take(best, choice, r_mid[c + 1], s_mid[c + 1]);
      take(best, choice, r_down[c], s_down[c]);
      out[c] = choice;
    }
  }
  out[0] = generic(static_cast<Node>(first));
  out[L - 1] = generic(static_cast<Node>(first + L - 1));
}

void LatticeKernel::choose(const std::vector<std::uint8_t>& cells,
                           std::vector<std::uint8_t>& next) {
  next.resize(cells.size());
  // Every rank from the old strategies, then every choice from those ranks.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, side_, kRowsPerTask), [&](const auto& rows) {
    for (std::size_t r = rows.begin(); r < rows.end(); ++r) rank_row(cells, r);
  });
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, side_, kRowsPerTask), [&](const auto& rows) {
    for (std::size_t r = rows.begin(); r < rows.end(); ++r) choose_row(cells, next, r);
  });
}

}  // namespace kindest::structure
