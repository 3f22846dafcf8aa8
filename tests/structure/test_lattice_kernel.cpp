// The lattice kernel against the generic CSR path of GraphPopulation: the same strategies,
// counts and payoffs, bit for bit, on random lattices of both neighbourhoods, periodic or with
// borders, with and without self-interaction, accumulated and averaged payoffs, real and
// small-integer games (integers make ties between equal payoffs common, which tests the tie
// rule), with and without mutation; and where the kernel must not run.
#include <tbb/task_arena.h>

#include <catch2/catch.hpp>
#include <cstring>

#include "engine/structure/graph_population.hpp"

using namespace kindest;
using namespace kindest::structure;

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("lattice kernel: the same bits as the generic CSR path", "[structure]") {
  Stream draw(31, Purpose::simulation_check);
  std::size_t cases = 0, changed = 0;
  for (std::size_t side : {3, 4, 5, 8, 17, 40})
    for (auto hood : {Neighbourhood::moore, Neighbourhood::von_neumann})
      for (bool periodic : {true, false})
        for (int variant = 0; variant < 8; ++variant) {
          const Graph g = square_lattice(side, hood, periodic);
          GraphDynamicsSettings s;
          s.rule = GraphUpdate::imitate_best;
          s.self_interaction = (variant & 1) != 0;
          s.aggregation =
              (variant & 2) != 0 ? PayoffAggregation::averaged : PayoffAggregation::accumulated;
          s.mutation_rate = (variant & 4) != 0 ? 0.02 : 0.0;
          // Half the games are small integers (many equal payoffs), half uniform reals.
          std::vector<double> m(4);
          for (auto& x : m)
            x = draw.bernoulli(0.5) ? double(draw.below(4)) : 4 * draw.uniform() - 1;
          const games::PayoffMatrix game(2, m);
          std::vector<std::uint32_t> start(g.nodes());
          const double density = draw.uniform();
          for (auto& x : start) x = draw.bernoulli(density) ? 1 : 0;
          INFO("side " << side << (hood == Neighbourhood::moore ? " moore" : " von Neumann")
                       << (periodic ? " periodic" : " borders") << ", variant " << variant
                       << ", game " << m[0] << " " << m[1] << " " << m[2] << " " << m[3]);
          GraphPopulation fast(g, game, s, start);
          s.lattice_kernel = false;
          GraphPopulation generic(g, game, s, start);
          REQUIRE(fast.uses_lattice_kernel());
          REQUIRE_FALSE(generic.uses_lattice_kernel());
          for (std::uint64_t gen = 0; gen < 12; ++gen) {
            Stream a(5, Purpose::simulation_check, cases, gen), b = a;
            const auto before = generic.strategy_of();
            fast.generation(a);
            generic.generation(b);
            REQUIRE(fast.strategy_of() == generic.strategy_of());
            REQUIRE(fast.counts() == generic.counts());
            if (generic.strategy_of() != before) ++changed;
            for (Node v = 0; v < g.nodes(); ++v)
              REQUIRE(same_bits(fast.payoff(v), generic.payoff(v)));
          }
          ++cases;
        }
  // Not a comparison of two frozen lattices: most steps change some node.
  CHECK(changed > cases * 12 / 2);
}

TEST_CASE("lattice kernel: 1 and 2 threads give the same bits on a large lattice", "[structure]") {
  const Graph g = square_lattice(300, Neighbourhood::moore, true);
  std::vector<std::uint32_t> start(g.nodes());
  Stream init(8, Purpose::simulation_check);
  for (auto& x : start) x = init.bernoulli(0.1) ? 1 : 0;
  auto run = [&](int threads, bool kernel) {
    tbb::task_arena arena(threads);
    std::vector<std::uint32_t> out;
    arena.execute([&] {
      GraphDynamicsSettings s;
      s.rule = GraphUpdate::imitate_best;
      s.self_interaction = true;
      s.lattice_kernel = kernel;
      GraphPopulation p(g, games::PayoffMatrix(2, {1.0, 0.0, 1.9, 0.0}), s, start);
      for (std::uint64_t gen = 0; gen < 20; ++gen) {
        Stream rng(8, Purpose::simulation_check, 1, gen);
        p.generation(rng);
      }
      out = p.strategy_of();
    });
    return out;
  };
  const auto reference = run(1, false);
  CHECK(run(1, true) == reference);
  CHECK(run(2, true) == reference);
}

TEST_CASE("lattice kernel: runs only where it applies", "[structure]") {
  GraphDynamicsSettings s;
  s.rule = GraphUpdate::imitate_best;
  const games::PayoffMatrix two(2, {1.0, 0.0, 1.9, 0.0});
  const auto half = [](std::size_t n) {
    std::vector<std::uint32_t> x(n, 0);
    for (std::size_t v = 0; v < n; v += 2) x[v] = 1;
    return x;
  };
  CHECK(GraphPopulation(square_lattice(6, Neighbourhood::moore, false), two, s, half(36))
            .uses_lattice_kernel());
  // 100 nodes, 8 neighbours each, but not a lattice; a ring; a lattice too small to have an
  // interior row and column; three strategies; another rule.
  Stream rng(2, Purpose::simulation_check);
  CHECK_FALSE(
      GraphPopulation(random_regular(100, 8, rng), two, s, half(100)).uses_lattice_kernel());
  CHECK_FALSE(GraphPopulation(ring(49, 4), two, s, half(49)).uses_lattice_kernel());
  CHECK_FALSE(GraphPopulation(square_lattice(2, Neighbourhood::von_neumann, false), two, s, half(4))
                  .uses_lattice_kernel());
  const games::PayoffMatrix three(3, {1, 0, 0, 0, 1, 0, 0, 0, 1});
  CHECK_FALSE(GraphPopulation(square_lattice(5, Neighbourhood::moore, true), three, s, half(25))
                  .uses_lattice_kernel());
  s.rule = GraphUpdate::proportional_imitation;
  CHECK_FALSE(GraphPopulation(square_lattice(5, Neighbourhood::moore, true), two, s, half(25))
                  .uses_lattice_kernel());
}
