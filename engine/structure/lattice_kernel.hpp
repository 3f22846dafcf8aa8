#pragma once
// Nowak & May's synchronous imitate-the-best step for two strategies on a square lattice, as a
// kernel over a byte grid: the same choices as GraphPopulation's generic path over the CSR
// graph, bit for bit, about ten times faster (bench/README.md, "Populations on graphs").
//
// Two strategies (0, 1), so a node's payoff is a function of its strategy, its degree and its
// number n1 of neighbours playing 1. The caller gives those payoffs as a table computed by the
// generic formula; the kernel replaces each by its rank among the table's distinct values (a
// byte), so comparing ranks is comparing the very doubles the generic path compares. Then:
//
//   interior nodes (not on the lattice's first or last row or column): n1 is the sum of the
//     grid bytes at the 8 (Moore) or 4 (von Neumann) fixed offsets, and the best neighbour is
//     found over the same offsets in increasing node id, which is the CSR order there;
//   border nodes: the same computed over their CSR neighbours, so periodic wrap-around (whose
//     id order is not the geometric one) and open borders (fewer neighbours) need no cases.
//
// A graph is taken as a lattice when it has side^2 nodes (side >= 3), at most 8 neighbours per
// node, and every interior node's neighbours are exactly its 8 or 4 lattice neighbours; border
// nodes may be anything, as they go through the CSR. Rows are independent, so the parallel
// loops give the same bytes for any thread count.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/structure/graph.hpp"

namespace kindest::structure {

class LatticeKernel {
 public:
  /// The largest degree the kernel takes (a Moore neighbourhood).
  static constexpr std::size_t kMaxDegree = 8;
  /// payoff(s, k, n1): the payoff of a node of strategy s in {0, 1} with k neighbours of which
  /// n1 play 1, for 1 <= k <= kMaxDegree, 0 <= n1 <= k. Returns nullopt where the kernel does
  /// not apply (not a lattice as above, or a payoff that is not a number).
  template <class Payoff>
  static std::optional<LatticeKernel> detect(const Graph& graph, Payoff&& payoff) {
    std::vector<double> table(2 * (kMaxDegree + 1) * (kMaxDegree + 1), 0.0);
    for (std::uint32_t s = 0; s < 2; ++s)
      for (std::size_t k = 1; k <= kMaxDegree; ++k)
        for (std::size_t n1 = 0; n1 <= k; ++n1) table[index(s, k, n1)] = payoff(s, k, n1);
    return from_table(graph, table);
  }

  std::size_t side() const noexcept { return side_; }
  /// next[v] = the strategy node v takes: the strategy of the highest payoff among v and its
  /// neighbours, ties kept by v, then the first best neighbour in node id order. `cells` and
  /// `next` hold one byte (0 or 1) per node.
  void choose(const std::vector<std::uint8_t>& cells, std::vector<std::uint8_t>& next);

 private:
  static constexpr std::size_t index(std::uint32_t s, std::size_t k, std::size_t n1) noexcept {
    return (s * (kMaxDegree + 1) + k) * (kMaxDegree + 1) + n1;
  }
  static std::optional<LatticeKernel> from_table(const Graph& graph,
                                                 const std::vector<double>& table);
  void rank_row(const std::vector<std::uint8_t>& cells, std::size_t row);
  void choose_row(const std::vector<std::uint8_t>& cells, std::vector<std::uint8_t>& next,
                  std::size_t row) const;
  std::uint8_t border_rank(const std::vector<std::uint8_t>& cells, Node v) const noexcept;

  const Graph* graph_ = nullptr;
  std::size_t side_ = 0;
  bool moore_ = true;
  std::vector<std::uint8_t> rank_of_;  // [index(s, k, n1)]: rank of that payoff
  std::vector<std::uint8_t> rank_;     // per node, this step
};

}  // namespace kindest::structure
