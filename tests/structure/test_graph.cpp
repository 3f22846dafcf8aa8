#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "engine/core/errors.hpp"
#include "engine/structure/graph.hpp"

using namespace kindest;
using namespace kindest::structure;

namespace {

std::vector<Node> neighbours_of(const Graph& g, Node v) {
  const auto n = g.neighbours(v);
  return {n.begin(), n.end()};
}

// Mean local clustering coefficient (Watts & Strogatz 1998): the fraction of a node's pairs of
// neighbours that are linked, averaged over nodes of degree >= 2.
double mean_clustering(const Graph& g) {
  double total = 0;
  std::size_t counted = 0;
  for (Node v = 0; v < g.nodes(); ++v) {
    const auto nb = g.neighbours(v);
    if (nb.size() < 2) continue;
    std::size_t linked = 0;
    for (std::size_t i = 0; i < nb.size(); ++i)
      for (std::size_t j = i + 1; j < nb.size(); ++j) linked += g.adjacent(nb[i], nb[j]);
    total += 2.0 * double(linked) / double(nb.size() * (nb.size() - 1));
    ++counted;
  }
  return total / double(counted);
}

Graph parse(const std::string& text) {
  std::istringstream in(text);
  return read_edge_list(in, "test.edges");
}

std::string parse_error(const std::string& text) {
  try {
    parse(text);
  } catch (const FileError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("graph: CSR from edges is sorted, order-free and refuses loops, twins and bad ids",
          "[structure]") {
  const Graph a = Graph::from_edges(4, {{0, 1}, {2, 1}, {3, 0}, {1, 3}});
  const Graph b = Graph::from_edges(4, {{1, 3}, {0, 3}, {1, 0}, {1, 2}});
  CHECK(a == b);
  CHECK(a.edges() == 4);
  CHECK(neighbours_of(a, 1) == std::vector<Node>{0, 2, 3});
  CHECK(a.adjacent(2, 1));
  CHECK_FALSE(a.adjacent(2, 3));
  CHECK(a.connected());
  CHECK(a.edge_list() == std::vector<Edge>{{0, 1}, {0, 3}, {1, 2}, {1, 3}});
  CHECK_THROWS_WITH(Graph::from_edges(3, {{0, 0}}), Catch::Contains("self-loop"));
  CHECK_THROWS_WITH(Graph::from_edges(3, {{0, 1}, {1, 0}}),
                    Catch::Contains("(0, 1) is listed twice"));
  CHECK_THROWS_WITH(Graph::from_edges(3, {{0, 3}}), Catch::Contains("names a node >= 3"));
  CHECK_FALSE(Graph::from_edges(4, {{0, 1}, {2, 3}}).connected());
  CHECK(a.components() == 1);
  CHECK(Graph::from_edges(4, {{0, 1}, {2, 3}}).components() == 2);
  CHECK(Graph::from_edges(7, {{0, 1}, {2, 3}, {3, 4}, {5, 6}}).components() == 3);
  CHECK(Graph::from_edges(3, {}).components() == 3);  // isolated nodes are components too
}

TEST_CASE("graph: a 5 x 5 lattice has the hand-computed neighbourhoods", "[structure]") {
  // Node = row * 5 + column. Node 0 is the corner, node 12 the centre.
  const Graph vn = square_lattice(5, Neighbourhood::von_neumann, true);
  CHECK(vn.nodes() == 25);
  CHECK(vn.edges() == 50);
  CHECK(vn.min_degree() == 4);
  CHECK(vn.max_degree() == 4);
  CHECK(neighbours_of(vn, 0) == std::vector<Node>{1, 4, 5, 20});
  CHECK(neighbours_of(vn, 12) == std::vector<Node>{7, 11, 13, 17});
  const Graph moore = square_lattice(5, Neighbourhood::moore, true);
  CHECK(moore.edges() == 100);
  CHECK(neighbours_of(moore, 0) == std::vector<Node>{1, 4, 5, 6, 9, 20, 21, 24});
  CHECK(neighbours_of(moore, 24) == std::vector<Node>{0, 3, 4, 15, 18, 19, 20, 23});
  const Graph open = square_lattice(5, Neighbourhood::von_neumann, false);
  CHECK(open.edges() == 2 * 5 * 4);
  CHECK(neighbours_of(open, 0) == std::vector<Node>{1, 5});
  CHECK(neighbours_of(open, 12) == std::vector<Node>{7, 11, 13, 17});
  const Graph open_moore = square_lattice(5, Neighbourhood::moore, false);
  CHECK(neighbours_of(open_moore, 0) == std::vector<Node>{1, 5, 6});
  CHECK(open_moore.edges() == 2 * 5 * 4 + 2 * 4 * 4);
  CHECK(open.connected());
  CHECK_THROWS_WITH(square_lattice(2, Neighbourhood::von_neumann, true),
                    Catch::Contains("at least 3"));
}

TEST_CASE("graph: the ring lattice's clustering is 3 (k - 2) / (4 (k - 1))", "[structure]") {
  for (std::size_t k : {2u, 4u, 6u, 10u}) {
    INFO(k);
    const Graph g = ring(101, k);
    CHECK(g.edges() == 101 * k / 2);
    CHECK(g.min_degree() == k);
    CHECK(g.max_degree() == k);
    CHECK(mean_clustering(g) == Approx(3.0 * double(k - 2) / (4.0 * double(k - 1))).margin(1e-12));
  }
  CHECK_THROWS_WITH(ring(4, 4), Catch::Contains("must be < n = 4"));
  CHECK_THROWS_WITH(ring(10, 3), Catch::Contains("even"));
}

TEST_CASE("graph: random regular graphs are simple, k-regular and connected", "[structure]") {
  for (auto [n, k] :
       {std::pair<std::size_t, std::size_t>{1000, 4}, {999, 6}, {50, 3 * 2}, {10, 9}, {4, 2}}) {
    INFO(n << " " << k);
    Stream rng(7, Purpose::simulation_check, n, k);
    const Graph g = random_regular(n, k, rng);
    CHECK(g.nodes() == n);
    CHECK(g.min_degree() == k);
    CHECK(g.max_degree() == k);
    CHECK(g.connected());
  }
  Stream rng(7, Purpose::simulation_check);
  CHECK_THROWS_WITH(random_regular(5, 5, rng), Catch::Contains("must be < n = 5"));
  CHECK_THROWS_WITH(random_regular(5, 3, rng), Catch::Contains("must be even"));
}

TEST_CASE("graph: random 2-regular graphs on 4 nodes are the 3 four-cycles, equally often",
          "[structure]") {
  // On 4 labelled nodes the 2-regular graphs are exactly three 4-cycles, named by the node that
  // is not adjacent to node 0. Each must come out with probability 1/3.
  std::map<Node, int> seen;
  const int samples = 30000;
  for (int s = 0; s < samples; ++s) {
    Stream rng(11, Purpose::simulation_check, static_cast<std::uint64_t>(s));
    const Graph g = random_regular(4, 2, rng);
    for (Node v = 1; v < 4; ++v)
      if (!g.adjacent(0, v)) ++seen[v];
  }
  REQUIRE(seen.size() == 3);
  for (const auto& [v, count] : seen)
    CHECK(std::abs(count / double(samples) - 1.0 / 3) < 5 * std::sqrt(2.0 / 9 / samples));
}

TEST_CASE("graph: Erdos-Renyi edge count and degrees follow the binomial law", "[structure]") {
  const std::size_t n = 2000;
  const double p = 0.005;
  const double pairs = n * (n - 1) / 2.0;
  Stream rng(3, Purpose::simulation_check);
  const Graph g = erdos_renyi(n, p, rng);
  CHECK(std::abs(double(g.edges()) - p * pairs) < 5 * std::sqrt(pairs * p * (1 - p)));
  double sum = 0, sum2 = 0;
  for (Node v = 0; v < n; ++v) {
    sum += double(g.degree(v));
    sum2 += double(g.degree(v) * g.degree(v));
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  CHECK(var == Approx((n - 1) * p * (1 - p)).epsilon(0.1));
  Stream rng2(3, Purpose::simulation_check, 1);
  CHECK(erdos_renyi(30, 1.0, rng2).edges() == 30 * 29 / 2);
  CHECK(erdos_renyi(30, 0.0, rng2).edges() == 0);
  // Every pair is reachable by the skipping walk: each of the 45 edges of K10 appears in about
  // half of the graphs with p = 1/2.
  std::map<Edge, int> count;
  for (int s = 0; s < 4000; ++s) {
    Stream r(5, Purpose::simulation_check, static_cast<std::uint64_t>(s));
    for (const Edge& e : erdos_renyi(10, 0.5, r).edge_list()) ++count[e];
  }
  REQUIRE(count.size() == 45);
  for (const auto& [e, c] : count) CHECK(std::abs(c / 4000.0 - 0.5) < 5 * std::sqrt(0.25 / 4000));
  CHECK_THROWS_WITH(erdos_renyi(10, 1.5, rng2), Catch::Contains("must be in [0, 1]"));
}

TEST_CASE("graph: Barabasi-Albert degrees tend to 2m(m+1)/(k(k+1)(k+2)), a tail of exponent 3",
          "[structure]") {
  const std::size_t n = 200000, m = 2;
  Stream rng(1999, Purpose::simulation_check);
  const Graph g = barabasi_albert(n, m, rng);
  CHECK(g.edges() == m * (m + 1) / 2 + (n - m - 1) * m);
  CHECK(g.min_degree() == m);
  CHECK(g.connected());
  std::vector<double> fraction(64, 0.0);
  std::vector<double> at_least(64, 0.0);
  for (Node v = 0; v < n; ++v) {
    const std::size_t d = g.degree(v);
    if (d < fraction.size()) fraction[d] += 1.0 / n;
    for (std::size_t k = 0; k < at_least.size() && k <= d; ++k) at_least[k] += 1.0 / n;
  }
  const double mm = double(m * (m + 1));
  for (std::size_t k = m; k <= m + 4; ++k) {
    INFO(k);
    CHECK(fraction[k] == Approx(2 * mm / double(k * (k + 1) * (k + 2))).epsilon(0.03));
  }
  // P(K >= k) = m (m + 1) / (k (k + 1)): the cumulative tail falls as k^-2, the density as k^-3.
  for (std::size_t k : {10u, 20u, 40u}) {
    INFO(k);
    CHECK(at_least[k] == Approx(mm / double(k * (k + 1))).epsilon(0.1));
  }
}

TEST_CASE("graph: Watts-Strogatz keeps the edges, is the ring at beta 0 and rewires a beta share",
          "[structure]") {
  const std::size_t n = 2000, k = 6;
  Stream rng0(5, Purpose::simulation_check);
  CHECK(watts_strogatz(n, k, 0.0, rng0) == ring(n, k));
  const Graph base = ring(n, k);
  for (double beta : {0.1, 0.5, 1.0}) {
    INFO(beta);
    Stream rng(5, Purpose::simulation_check, static_cast<std::uint64_t>(beta * 10));
    const Graph g = watts_strogatz(n, k, beta, rng);
    CHECK(g.edges() == n * k / 2);
    std::size_t moved = 0;
    for (const Edge& e : g.edge_list()) moved += !base.adjacent(e.first, e.second);
    const double edges = double(n * k / 2);
    // A rewired end lands back on a ring position with probability about k / n: negligible here.
    CHECK(std::abs(double(moved) - beta * edges) <
          5 * std::sqrt(edges * beta * (1 - beta)) + 0.01 * edges);
  }
}

TEST_CASE("graph: edge-list files are read, and their mistakes named with the line",
          "[structure]") {
  const Graph g = parse("# a triangle and a tail\n0 1\n1 2\n\n2 0   # closing edge\n2 3\n");
  CHECK(g.nodes() == 4);
  CHECK(g.edges() == 4);
  CHECK(neighbours_of(g, 2) == std::vector<Node>{0, 1, 3});
  CHECK(parse_error("0 1\n1 3\n") ==
        "graph file test.edges: node 2 is on no edge (nodes are numbered 0 .. 3 by the largest id; "
        "every one must be linked)");
  CHECK(parse_error("0 1\n1\n") ==
        "graph file test.edges, line 2: expected two node ids \"u v\", found one");
  CHECK(parse_error("0 1 2\n") ==
        "graph file test.edges, line 1: expected two node ids \"u v\", found more ('2')");
  CHECK_THAT(parse_error("0 x\n"), Catch::Contains("line 1: node id 'x' is not an integer"));
  CHECK_THAT(parse_error("0 -1\n"), Catch::Contains("node id '-1' is not an integer"));
  CHECK_THAT(parse_error("0 99999999999\n"),
             Catch::Contains("is not an integer in [0, 4294967295]"));
  CHECK(parse_error("0 1\n1 1\n") == "graph file test.edges, line 2: edge (1, 1) is a self-loop");
  CHECK(parse_error("0 1\n1 2\n1 0\n") ==
        "graph file test.edges, line 3: edge (0, 1) is listed twice (first on line 1)");
  CHECK(parse_error("# nothing\n") == "graph file test.edges: no edges (expected lines \"u v\")");
}
