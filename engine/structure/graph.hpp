#pragma once
// Who can meet whom: an undirected simple graph in compressed sparse rows (CSR), and the
// generators of the graphs the network-reciprocity literature uses. Node ids are 0 .. N - 1;
// neighbour lists are sorted, so two graphs built from the same edges are equal whatever order
// the edges came in, and a model that walks neighbours in order draws the same numbers.
//
// Memory: 8 (N + 1) bytes of offsets and 4 * 2E of neighbour ids; a lattice of 10^6 nodes with
// 4 neighbours each takes 24 MB.
#include "engine/random/streams.hpp"

#include <cstddef>
#include <cstdint>
#include <istream>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace kindest::structure {

using Node = std::uint32_t;
using Edge = std::pair<Node, Node>;

class Graph {
 public:
  Graph() = default;
  /// The graph on `nodes` nodes with these edges. Refuses (std::invalid_argument, naming the
  /// edge) a node id >= nodes, a self-loop or an edge listed twice: a model that counts
  /// neighbours must not see one neighbour twice.
  static Graph from_edges(std::size_t nodes, const std::vector<Edge>& edges);

  std::size_t nodes() const noexcept { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::size_t edges() const noexcept { return neighbours_.size() / 2; }
  std::size_t degree(Node v) const noexcept { return offsets_[v + 1] - offsets_[v]; }
  std::span<const Node> neighbours(Node v) const noexcept {
    return {neighbours_.data() + offsets_[v], degree(v)};
  }
  bool adjacent(Node u, Node v) const noexcept;
  /// Number of connected components (depth-first search, O(N + E)); 0 for no nodes.
  std::size_t components() const;
  /// True iff every node can reach every other.
  bool connected() const { return components() <= 1; }
  std::size_t min_degree() const noexcept;
  std::size_t max_degree() const noexcept;
  /// Every edge once, as (u, v) with u < v, in order.
  std::vector<Edge> edge_list() const;

  friend bool operator==(const Graph&, const Graph&) = default;

 private:
  std::vector<std::uint64_t> offsets_;
  std::vector<Node> neighbours_;
};

enum class Neighbourhood { von_neumann, moore };

/// A side x side square lattice, node (row, column) = row * side + column, each node linked to
/// its 4 (von Neumann) or 8 (Moore) nearest nodes, periodic (a torus) or with edges (border
/// nodes have fewer neighbours). A periodic lattice needs side >= 3, or a node would meet the
/// same neighbour from two sides.
Graph square_lattice(std::size_t side, Neighbourhood neighbourhood, bool periodic);

/// A ring of n nodes, each linked to its k nearest (k / 2 on each side; k even, 2 <= k < n).
Graph ring(std::size_t n, std::size_t k);

/// A random k-regular graph on n nodes (n k even, k < n), by Steger & Wormald's (1999) pairing:
/// points are paired at random, a pair that would make a loop or a double edge is redrawn, and
/// a dead end restarts. Asymptotically uniform for fixed k; O(n k) expected.
Graph random_regular(std::size_t n, std::size_t k, Stream& rng);

/// Erdős–Rényi G(n, p): each of the n (n - 1) / 2 edges present with probability p, drawn by
/// geometric skipping (Batagelj & Brandes 2005), O(n + E).
Graph erdos_renyi(std::size_t n, double p, Stream& rng);

/// Barabási–Albert preferential attachment: m + 1 nodes fully linked, then each new node links
/// to m distinct existing nodes chosen with probability proportional to their degree (the
/// "urn of edge ends"). Degree distribution tends to 2 m (m + 1) / (k (k + 1) (k + 2)).
Graph barabasi_albert(std::size_t n, std::size_t m, Stream& rng);

/// Watts–Strogatz: ring(n, k), then each edge (i, i + j), j = 1 .. k / 2, has its far end
/// rewired with probability beta to a uniformly chosen node that is neither i nor already
/// linked to i (the edge stays if no such node exists). The number of edges is kept.
Graph watts_strogatz(std::size_t n, std::size_t k, double beta, Stream& rng);

/// A graph from an edge list: one edge "u v" per line (non-negative integers), '#' starts a
/// comment, blank lines are skipped. Nodes are 0 .. (largest id); every one of them must be on
/// an edge (an isolated or missing node is almost always a numbering mistake). Errors
/// (std::invalid_argument) name the source and the line.
Graph read_edge_list(std::istream& in, const std::string& source);

}  // namespace kindest::structure
