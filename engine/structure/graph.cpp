#include "engine/structure/graph.hpp"

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>

namespace kindest::structure {

namespace {

std::string text(std::size_t n) { return std::to_string(n); }

// Graph ids are 32-bit: 4 * 10^9 nodes is far beyond what a model can update in a run.
void require_node_count(const char* model, std::size_t n) {
  if (n > std::numeric_limits<Node>::max())
    throw ModelError(model, "n", text(n),
                     "must be at most " + text(std::numeric_limits<Node>::max()));
}

}  // namespace

Graph Graph::from_edges(std::size_t nodes, const std::vector<Edge>& edges) {
  require_node_count("graph", nodes);
  Graph g;
  g.offsets_.assign(nodes + 1, 0);
  for (const auto& [u, v] : edges) {
    if (u >= nodes || v >= nodes)
      throw std::invalid_argument("graph: edge (" + text(u) + ", " + text(v) +
                                  ") names a node >= " + text(nodes) + " (nodes are 0 .. " +
                                  text(nodes - 1) + ")");
    if (u == v)
      throw std::invalid_argument("graph: edge (" + text(u) + ", " + text(v) + ") is a self-loop");
    ++g.offsets_[u + 1];
    ++g.offsets_[v + 1];
  }
  std::partial_sum(g.offsets_.begin(), g.offsets_.end(), g.offsets_.begin());
  g.neighbours_.resize(2 * edges.size());
  std::vector<std::uint64_t> fill(g.offsets_.begin(), g.offsets_.end() - 1);
  for (const auto& [u, v] : edges) {
    g.neighbours_[fill[u]++] = v;
    g.neighbours_[fill[v]++] = u;
  }
  for (std::size_t v = 0; v < nodes; ++v) {
    auto first = g.neighbours_.begin() + static_cast<std::ptrdiff_t>(g.offsets_[v]);
    auto last = g.neighbours_.begin() + static_cast<std::ptrdiff_t>(g.offsets_[v + 1]);
    std::sort(first, last);
    if (auto twin = std::adjacent_find(first, last); twin != last)
      throw std::invalid_argument("graph: edge (" + text(std::min<std::size_t>(v, *twin)) + ", " +
                                  text(std::max<std::size_t>(v, *twin)) + ") is listed twice");
  }
  return g;
}

bool Graph::adjacent(Node u, Node v) const noexcept {
  const auto n = neighbours(u);
  return std::binary_search(n.begin(), n.end(), v);
}

std::size_t Graph::components() const {
  const std::size_t n = nodes();
  std::vector<char> seen(n, 0);
  std::vector<Node> frontier;
  std::size_t count = 0;
  for (std::size_t start = 0; start < n; ++start) {
    if (seen[start]) continue;
    ++count;
    seen[start] = 1;
    frontier.push_back(static_cast<Node>(start));
    while (!frontier.empty()) {
      const Node v = frontier.back();
      frontier.pop_back();
      for (Node w : neighbours(v))
        if (!seen[w]) {
          seen[w] = 1;
          frontier.push_back(w);
        }
    }
  }
  return count;
}

std::size_t Graph::min_degree() const noexcept {
  std::size_t best = std::numeric_limits<std::size_t>::max();
  for (std::size_t v = 0; v < nodes(); ++v) best = std::min(best, degree(static_cast<Node>(v)));
  return nodes() == 0 ? 0 : best;
}

std::size_t Graph::max_degree() const noexcept {
  std::size_t best = 0;
  for (std::size_t v = 0; v < nodes(); ++v) best = std::max(best, degree(static_cast<Node>(v)));
  return best;
}

std::vector<Edge> Graph::edge_list() const {
  std::vector<Edge> out;
  out.reserve(edges());
  for (std::size_t v = 0; v < nodes(); ++v)
    for (Node w : neighbours(static_cast<Node>(v)))
      if (v < w) out.emplace_back(static_cast<Node>(v), w);
  return out;
}

Graph square_lattice(std::size_t side, Neighbourhood neighbourhood, bool periodic) {
  if (side < 2) throw ModelError("square lattice", "side", text(side), "must be at least 2");
  if (periodic && side < 3)
    throw ModelError("square lattice", "side", text(side),
                     "must be at least 3 when periodic (on a 2 x 2 torus a node meets the same "
                     "neighbour from both sides)");
  require_node_count("square lattice", side * side);
  // Offsets to the right and downward half of the neighbourhood: each edge once.
  std::vector<std::pair<int, int>> half{{0, 1}, {1, 0}};
  if (neighbourhood == Neighbourhood::moore) half.insert(half.end(), {{1, 1}, {1, -1}});
  std::vector<Edge> edges;
  edges.reserve(side * side * half.size());
  const auto s = static_cast<std::int64_t>(side);
  for (std::int64_t r = 0; r < s; ++r)
    for (std::int64_t c = 0; c < s; ++c)
      for (const auto& [dr, dc] : half) {
        std::int64_t r2 = r + dr, c2 = c + dc;
        if (periodic) {
          r2 = (r2 + s) % s;
          c2 = (c2 + s) % s;
        } else if (r2 < 0 || r2 >= s || c2 < 0 || c2 >= s) {
          continue;
        }
        edges.emplace_back(static_cast<Node>(r * s + c), static_cast<Node>(r2 * s + c2));
      }
  return Graph::from_edges(side * side, edges);
}

Graph ring(std::size_t n, std::size_t k) {
  if (k < 2 || k % 2 != 0) throw ModelError("ring", "k", text(k), "must be even and at least 2");
  if (k >= n) throw ModelError("ring", "k", text(k), "must be < n = " + text(n));
  require_node_count("ring", n);
  std::vector<Edge> edges;
  edges.reserve(n * k / 2);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 1; j <= k / 2; ++j)
      edges.emplace_back(static_cast<Node>(i), static_cast<Node>((i + j) % n));
  return Graph::from_edges(n, edges);
}

Graph random_regular(std::size_t n, std::size_t k, Stream& rng) {
  if (k >= n) throw ModelError("random regular graph", "k", text(k), "must be < n = " + text(n));
  if ((n * k) % 2 != 0)
    throw ModelError("random regular graph", "n k", text(n * k),
                     "must be even (each edge has two ends)");
  require_node_count("random regular graph", n);
  if (k == 0) return Graph::from_edges(n, {});
  // Adjacency so far, k slots per node: loops and double edges are checked in O(k).
  std::vector<Node> adj(n * k);
  std::vector<std::uint32_t> deg(n);
  std::vector<Node> points(n * k);
  std::vector<Edge> edges;
  const auto linked = [&](Node u, Node v) {
    return std::find(adj.begin() + static_cast<std::ptrdiff_t>(u * k),
                     adj.begin() + static_cast<std::ptrdiff_t>(u * k + deg[u]),
                     v) != adj.begin() + static_cast<std::ptrdiff_t>(u * k + deg[u]);
  };
  for (;;) {  // one attempt; a dead end (no suitable pair left) starts over
    std::fill(deg.begin(), deg.end(), 0);
    for (std::size_t i = 0; i < n * k; ++i) points[i] = static_cast<Node>(i / k);
    edges.clear();
    std::size_t left = points.size();
    bool dead_end = false;
    while (left > 0) {
      // Many rejections in a row: only a few points remain; look for any suitable pair.
      bool paired = false;
      for (int attempt = 0; attempt < 64 && !paired; ++attempt) {
        const std::size_t i = rng.below(left), j = rng.below(left);
        const Node u = points[i], v = points[j];
        if (i == j || u == v || linked(u, v)) continue;
        adj[u * k + deg[u]++] = v;
        adj[v * k + deg[v]++] = u;
        edges.emplace_back(u, v);
        // Remove the two points: the larger index first so the smaller one stays valid.
        const std::size_t hi = std::max(i, j), lo = std::min(i, j);
        points[hi] = points[--left];
        points[lo] = points[--left];
        paired = true;
      }
      if (paired) continue;
      bool any = false;
      for (std::size_t i = 0; i < left && !any; ++i)
        for (std::size_t j = i + 1; j < left && !any; ++j)
          any = points[i] != points[j] && !linked(points[i], points[j]);
      if (!any) {
        dead_end = true;
        break;
      }
    }
    if (!dead_end) return Graph::from_edges(n, edges);
  }
}

Graph erdos_renyi(std::size_t n, double p, Stream& rng) {
  if (!(p >= 0.0 && p <= 1.0))
    throw ModelError("Erdos-Renyi graph", "p", number_text(p), "must be in [0, 1]");
  require_node_count("Erdos-Renyi graph", n);
  std::vector<Edge> edges;
  if (p == 0.0 || n < 2) return Graph::from_edges(n, edges);
  // Walk the lower triangle (v, w), w < v, skipping a geometric number of absent edges each time.
  const double log_q = std::log1p(-p);
  std::int64_t v = 1, w = -1;
  const auto nn = static_cast<std::int64_t>(n);
  while (v < nn) {
    const double skip = p == 1.0 ? 0.0 : std::floor(std::log(1.0 - rng.uniform()) / log_q);
    w += 1 + static_cast<std::int64_t>(std::min(skip, 9e18));
    while (w >= v && v < nn) {
      w -= v;
      ++v;
    }
    if (v < nn) edges.emplace_back(static_cast<Node>(w), static_cast<Node>(v));
  }
  return Graph::from_edges(n, edges);
}

Graph barabasi_albert(std::size_t n, std::size_t m, Stream& rng) {
  if (m < 1) throw ModelError("Barabasi-Albert graph", "m", text(m), "must be at least 1");
  if (n <= m) throw ModelError("Barabasi-Albert graph", "n", text(n), "must be > m = " + text(m));
  require_node_count("Barabasi-Albert graph", n);
  std::vector<Edge> edges;
  edges.reserve((m + 1) * m / 2 + (n - m - 1) * m);
  // Every edge end once: a node appears as often as its degree, so a uniform pick from this urn
  // is a pick proportional to degree.
  std::vector<Node> ends;
  ends.reserve(2 * edges.capacity());
  for (std::size_t u = 0; u <= m; ++u)
    for (std::size_t v = u + 1; v <= m; ++v) {
      edges.emplace_back(static_cast<Node>(u), static_cast<Node>(v));
      ends.push_back(static_cast<Node>(u));
      ends.push_back(static_cast<Node>(v));
    }
  std::vector<Node> targets;
  for (std::size_t v = m + 1; v < n; ++v) {
    targets.clear();
    const std::size_t urn = ends.size();  // this node's own edges join the urn afterwards
    while (targets.size() < m) {
      const Node t = ends[rng.below(urn)];
      if (std::find(targets.begin(), targets.end(), t) == targets.end()) targets.push_back(t);
    }
    for (Node t : targets) {
      edges.emplace_back(t, static_cast<Node>(v));
      ends.push_back(t);
      ends.push_back(static_cast<Node>(v));
    }
  }
  return Graph::from_edges(n, edges);
}

Graph watts_strogatz(std::size_t n, std::size_t k, double beta, Stream& rng) {
  if (!(beta >= 0.0 && beta <= 1.0))
    throw ModelError("Watts-Strogatz graph", "beta", number_text(beta), "must be in [0, 1]");
  const Graph base = ring(n, k);
  // Neighbour sets that change as edges move; sorted vectors would cost O(k) per change too.
  std::vector<std::vector<Node>> adj(n);
  for (std::size_t v = 0; v < n; ++v) {
    const auto nb = base.neighbours(static_cast<Node>(v));
    adj[v].assign(nb.begin(), nb.end());
  }
  const auto drop = [&](Node a, Node b) { std::erase(adj[a], b); };
  for (std::size_t j = 1; j <= k / 2; ++j)
    for (std::size_t i = 0; i < n; ++i) {
      if (!rng.bernoulli(beta)) continue;
      const auto u = static_cast<Node>(i), old = static_cast<Node>((i + j) % n);
      if (std::find(adj[u].begin(), adj[u].end(), old) == adj[u].end())
        continue;                            // already moved away
      if (adj[u].size() >= n - 1) continue;  // linked to everyone: nowhere to go
      Node w;
      do {
        w = static_cast<Node>(rng.below(n));
      } while (w == u || std::find(adj[u].begin(), adj[u].end(), w) != adj[u].end());
      drop(u, old);
      drop(old, u);
      adj[u].push_back(w);
      adj[w].push_back(u);
    }
  std::vector<Edge> edges;
  for (std::size_t v = 0; v < n; ++v)
    for (Node w : adj[v])
      if (v < w) edges.emplace_back(static_cast<Node>(v), w);
  return Graph::from_edges(n, edges);
}

Graph read_edge_list(std::istream& in, const std::string& source) {
  std::vector<Edge> edges;
  std::vector<std::size_t> line_of;  // first line naming each edge, for error messages
  std::string line;
  std::size_t number = 0, nodes = 0;
  const auto fail = [&](std::size_t at, const std::string& why) {
    throw FileError("graph file " + source + ", line " + std::to_string(at) + ": " + why);
  };
  while (std::getline(in, line)) {
    ++number;
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream fields(line);
    std::string a, b, extra;
    if (!(fields >> a)) continue;
    if (!(fields >> b)) fail(number, "expected two node ids \"u v\", found one");
    if (fields >> extra)
      fail(number, "expected two node ids \"u v\", found more ('" + extra + "')");
    Node ids[2];
    for (int e = 0; e < 2; ++e) {
      const std::string& s = e == 0 ? a : b;
      if (s.empty() || s.size() > 10 ||
          !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
          std::stoull(s) > std::numeric_limits<Node>::max())
        fail(number, "node id '" + s + "' is not an integer in [0, " +
                         text(std::numeric_limits<Node>::max()) + "]");
      ids[e] = static_cast<Node>(std::stoull(s));
    }
    if (ids[0] == ids[1]) fail(number, "edge (" + a + ", " + b + ") is a self-loop");
    edges.emplace_back(std::min(ids[0], ids[1]), std::max(ids[0], ids[1]));
    line_of.push_back(number);
    nodes = std::max<std::size_t>(nodes, std::max(ids[0], ids[1]) + std::size_t{1});
  }
  if (in.bad()) throw FileError("graph file " + source + ": read error");
  if (edges.empty())
    throw FileError("graph file " + source + ": no edges (expected lines \"u v\")");
  std::vector<std::size_t> order(edges.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return edges[x] < edges[y]; });
  for (std::size_t i = 1; i < order.size(); ++i)
    if (edges[order[i]] == edges[order[i - 1]])
      fail(line_of[order[i]],
           "edge (" + text(edges[order[i]].first) + ", " + text(edges[order[i]].second) +
               ") is listed twice (first on line " + text(line_of[order[i - 1]]) + ")");
  std::vector<char> seen(nodes, 0);
  for (const auto& [u, v] : edges) seen[u] = seen[v] = 1;
  if (auto gap = std::find(seen.begin(), seen.end(), 0); gap != seen.end())
    throw FileError("graph file " + source + ": node " +
                    text(static_cast<std::size_t>(gap - seen.begin())) +
                    " is on no edge (nodes are numbered 0 .. " + text(nodes - 1) +
                    " by the largest id; every one must be linked)");
  return Graph::from_edges(nodes, edges);
}

}  // namespace kindest::structure
