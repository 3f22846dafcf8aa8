#include <tbb/task_arena.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/analytic/fixation_probabilities.hpp"
#include "engine/core/errors.hpp"
#include "engine/structure/graph_population.hpp"

using namespace kindest;
using namespace kindest::structure;

namespace {

// Nowak & May (1992): C meets C 1, D meets C b, everything else 0. Strategy 0 = C, 1 = D.
games::PayoffMatrix nowak_may(double b) { return games::PayoffMatrix(2, {1.0, 0.0, b, 0.0}); }

GraphDynamicsSettings nowak_may_rules() {
  GraphDynamicsSettings s;
  s.rule = GraphUpdate::imitate_best;
  s.aggregation = PayoffAggregation::accumulated;
  s.self_interaction = true;
  return s;
}

Graph complete(std::size_t n) {
  std::vector<Edge> e;
  for (Node u = 0; u < n; ++u)
    for (Node v = u + 1; v < n; ++v) e.emplace_back(u, v);
  return Graph::from_edges(n, e);
}

Node at(std::size_t row, std::size_t column) { return static_cast<Node>(row * 5 + column); }

}  // namespace

TEST_CASE("graph population: Nowak-May on a 5 x 5 torus, by hand", "[structure]") {
  const Graph g = square_lattice(5, Neighbourhood::moore, true);
  std::vector<std::uint32_t> one_defector(25, 0);
  one_defector[at(2, 2)] = 1;
  Stream unused(1, Purpose::simulation_check);
  SECTION("b = 1.1 < 9/8: the defector's 8.8 loses to the 9 of cooperators two steps away") {
    GraphPopulation p(g, nowak_may(1.1), nowak_may_rules(), one_defector);
    CHECK(p.payoff(at(2, 2)) == Approx(8.8));
    CHECK(p.payoff(at(1, 1)) == 8.0);  // 7 C neighbours and itself
    CHECK(p.payoff(at(0, 0)) == 9.0);
    p.generation(unused);
    CHECK(p.strategy_of() == one_defector);
  }
  SECTION("b = 1.5 > 9/8: the defector takes its 3 x 3 block, then spreads along the rows") {
    GraphPopulation p(g, nowak_may(1.5), nowak_may_rules(), one_defector);
    p.generation(unused);
    for (std::size_t r = 0; r < 5; ++r)
      for (std::size_t c = 0; c < 5; ++c) {
        INFO(r << "," << c);
        CHECK(p.strategy(at(r, c)) == ((r >= 1 && r <= 3 && c >= 1 && c <= 3) ? 1u : 0u));
      }
    CHECK(p.counts() == std::vector<std::uint64_t>{16, 9});
    // The block's corners meet 5 cooperators (7.5), its edge middles 3 (4.5), its centre none;
    // cooperators on the border: (0, 0) meets 7 C and itself (8), (0, 2) 5 C and itself (6).
    CHECK(p.payoff(at(1, 1)) == 7.5);
    CHECK(p.payoff(at(1, 2)) == 4.5);
    CHECK(p.payoff(at(2, 2)) == 0.0);
    CHECK(p.payoff(at(0, 0)) == 8.0);
    CHECK(p.payoff(at(0, 2)) == 6.0);
    CHECK(p.payoff(at(0, 1)) == 7.0);
    p.generation(unused);
    CHECK(p.strategy(at(0, 0)) == 0);  // its own 8 is the best it sees (a tie keeps its own)
    CHECK(p.strategy(at(0, 2)) == 1);  // 6 < the 7.5 of the block's corners
    CHECK(p.strategy(at(2, 2)) == 1);  // its best neighbours are the block's D corners (7.5)
  }
}

TEST_CASE("graph population: on the complete graph each rule is its well-mixed process",
          "[structure]") {
  // A mutant (strategy 1) against residents (0) with averaged payoffs: the fixation probability
  // must be the closed form of engine/analytic for the same process.
  const std::size_t n = 8;
  const Graph g = complete(n);
  const games::PayoffMatrix game(2, {1.0, 0.4, 1.6, 0.9});
  const struct {
    GraphUpdate rule;
    analytic::Process process;
    double selection;
  } cases[] = {{GraphUpdate::death_birth, analytic::Process::moran_death_birth, 0.9},
               {GraphUpdate::birth_death, analytic::Process::moran_birth_death, 0.9},
               {GraphUpdate::pairwise_imitation, analytic::Process::pairwise_comparison, 2.0}};
  for (const auto& c : cases) {
    INFO(static_cast<int>(c.rule));
    GraphDynamicsSettings s;
    s.rule = c.rule;
    s.aggregation = PayoffAggregation::averaged;
    s.selection_intensity = c.selection;
    analytic::FixationSettings fs;
    fs.process = c.process;
    fs.selection_intensity = c.selection;
    const double exact = analytic::compute_fixation_probability(game, 0, 1, n, fs);
    const int runs = 20000;
    int fixed = 0;
    for (int r = 0; r < runs; ++r) {
      std::vector<std::uint32_t> start(n, 0);
      start[static_cast<std::size_t>(r) % n] = 1;
      GraphPopulation p(g, game, s, start);
      Stream rng(17, Purpose::simulation_check, static_cast<std::uint64_t>(c.rule),
                 static_cast<std::uint64_t>(r));
      while (p.counts()[1] != 0 && p.counts()[1] != n) p.event(rng);
      fixed += p.counts()[1] == n;
    }
    const double estimate = fixed / double(runs);
    CHECK(std::abs(estimate - exact) < 4.5 * std::sqrt(exact * (1 - exact) / runs));
  }
}

TEST_CASE("graph population: neutral death-birth on a ring relates neighbours as the voter model",
          "[structure][verify]") {
  // A viscous population: the offspring takes the place of a neighbour of its parent. Neutral
  // (w = 0) death-birth with mutation mu between two strategies on a ring is the voter model
  // with noise, whose pair probabilities close: u_d = P(nodes d apart differ) satisfies
  // u_d = (1 - 2 mu)(u_{d-1} + u_{d+1}) / 2 + mu with u_0 = 0 (the dead node copies the left or
  // right neighbour, then mutates), so on a long ring u_d = (1 - lambda^d) / 2 with
  // lambda = (1 - sqrt(1 - a^2)) / a, a = 1 - 2 mu: relatedness (the correlation of neighbours'
  // types) lambda at distance 1, lambda^2 at distance 2. N = 1000: the ring's finite-size term
  // is of order lambda^500.
  const std::size_t n = 1000;
  const double mu = 0.05, a = 1 - 2 * mu, lambda = (1 - std::sqrt(1 - a * a)) / a;
  const Graph g = ring(n, 2);
  GraphDynamicsSettings s;
  s.rule = GraphUpdate::death_birth;
  s.selection_intensity = 0;
  s.mutation_rate = mu;
  std::vector<std::uint32_t> start(n);
  Stream init(12, Purpose::simulation_check);
  for (auto& x : start) x = init.bernoulli(0.5) ? 1 : 0;
  GraphPopulation p(g, games::PayoffMatrix(2, {1.0, 0.0, 1.5, 0.2}), s, start);
  Stream rng(12, Purpose::simulation_check, 1);
  for (int gen = 0; gen < 200; ++gen) p.generation(rng);  // burn-in: ~20 relaxation times
  const int batches = 30, per_batch = 100;
  std::vector<double> u1, u2;
  for (int b = 0; b < batches; ++b) {
    double d1 = 0, d2 = 0;
    for (int gen = 0; gen < per_batch; ++gen) {
      p.generation(rng);
      for (std::size_t v = 0; v < n; ++v) {
        d1 += p.strategy(static_cast<Node>(v)) != p.strategy(static_cast<Node>((v + 1) % n));
        d2 += p.strategy(static_cast<Node>(v)) != p.strategy(static_cast<Node>((v + 2) % n));
      }
    }
    u1.push_back(d1 / double(n * per_batch));
    u2.push_back(d2 / double(n * per_batch));
  }
  const auto check = [&](const std::vector<double>& u, double exact) {
    double mean = 0, var = 0;
    for (double x : u) mean += x / batches;
    for (double x : u) var += (x - mean) * (x - mean) / (batches - 1);
    const double se = std::sqrt(var / batches);
    INFO("measured " << mean << " +- " << se << ", voter model " << exact);
    CHECK(se < 0.005);
    CHECK(std::abs(mean - exact) < 4 * se);
  };
  check(u1, (1 - lambda) / 2);
  check(u2, (1 - lambda * lambda) / 2);
}

TEST_CASE("graph population: incremental counts equal a fresh start, so a resume draws the same",
          "[structure]") {
  Stream build(3, Purpose::simulation_check);
  const Graph g = random_regular(300, 4, build);
  const games::PayoffMatrix game(3, {1.0, -0.5, 2.0, 1.5, 0.0, 0.2, 0.3, 0.7, 0.5});
  for (GraphUpdate rule :
       {GraphUpdate::death_birth, GraphUpdate::birth_death, GraphUpdate::pairwise_imitation,
        GraphUpdate::imitate_best, GraphUpdate::proportional_imitation}) {
    INFO(static_cast<int>(rule));
    GraphDynamicsSettings s;
    s.rule = rule;
    s.selection_intensity = 0.2;
    s.mutation_rate = 0.05;
    std::vector<std::uint32_t> start(g.nodes());
    for (Node v = 0; v < g.nodes(); ++v) start[v] = v % 3;
    GraphPopulation p(g, game, s, start);
    for (std::uint64_t gen = 0; gen < 20; ++gen) {
      Stream rng(5, Purpose::simulation_check, 1, gen);
      p.generation(rng);
    }
    std::vector<std::uint64_t> counts(3, 0);
    for (auto x : p.strategy_of()) ++counts[x];
    CHECK(counts == p.counts());
    GraphPopulation fresh(g, game, s, p.strategy_of());
    for (Node v = 0; v < g.nodes(); ++v) REQUIRE(fresh.payoff(v) == p.payoff(v));
    for (std::uint64_t gen = 20; gen < 25; ++gen) {
      Stream a(5, Purpose::simulation_check, 1, gen), b(5, Purpose::simulation_check, 1, gen);
      p.generation(a);
      fresh.generation(b);
    }
    CHECK(fresh.strategy_of() == p.strategy_of());
  }
}

TEST_CASE("graph population: proportional imitation on a path C - C - D, by hand", "[structure]") {
  // Prisoner's dilemma R = 1, T = b = 1.5, S = P = 0, so D = T - S = b. Accumulated payoffs:
  // P0 = 1, P1 = R + S = 1, P2 = T = 1.5. Node 0 meets only node 1 (equal payoff: stays); node
  // 2 meets only node 1 (less: stays); node 1 picks node 2 with probability 1/2 and copies it
  // with probability (1.5 - 1) / (1.5 * max(2, 1)) = 1/6, so it turns D with 1/12. Averaged
  // payoffs: P1 = 1/2, k_> = 1, so the copy has probability 1 / 1.5 and the turn 1/3.
  const Graph path = Graph::from_edges(3, {{0, 1}, {1, 2}});
  for (const auto& [aggregation, expected] : {std::pair{PayoffAggregation::accumulated, 1.0 / 12},
                                              std::pair{PayoffAggregation::averaged, 1.0 / 3}}) {
    GraphDynamicsSettings s;
    s.rule = GraphUpdate::proportional_imitation;
    s.aggregation = aggregation;
    const std::size_t trials = 40000;
    std::size_t turned = 0;
    for (std::size_t t = 0; t < trials; ++t) {
      GraphPopulation p(path, nowak_may(1.5), s, {0, 0, 1});
      Stream rng(3, Purpose::simulation_check, t);
      p.generation(rng);
      CHECK(p.strategy(0) == 0u);
      CHECK(p.strategy(2) == 1u);
      turned += p.strategy(1);
    }
    const double rate = double(turned) / double(trials);
    const double se = std::sqrt(expected * (1 - expected) / double(trials));
    INFO("accumulated " << (aggregation == PayoffAggregation::accumulated) << ": " << rate << " vs "
                        << expected);
    CHECK(std::abs(rate - expected) < 4.5 * se);
  }
  // The synchronous rule has no single events.
  GraphDynamicsSettings s;
  s.rule = GraphUpdate::proportional_imitation;
  GraphPopulation p(path, nowak_may(1.5), s, {0, 0, 1});
  Stream rng(3, Purpose::simulation_check);
  CHECK_THROWS_WITH(p.event(rng), Catch::Contains("is synchronous"));
}

TEST_CASE("graph population: the synchronous step gives the same bits on 1 and 2 threads",
          "[structure]") {
  const Graph g = square_lattice(120, Neighbourhood::moore, true);
  std::vector<std::uint32_t> start(g.nodes());
  Stream init(9, Purpose::simulation_check);
  for (auto& x : start) x = init.bernoulli(0.1) ? 1 : 0;
  auto run = [&](int threads, GraphUpdate rule) {
    tbb::task_arena arena(threads);
    std::vector<std::uint32_t> out;
    arena.execute([&] {
      GraphDynamicsSettings s = nowak_may_rules();
      s.rule = rule;
      s.mutation_rate = 0.001;
      GraphPopulation p(g, nowak_may(1.85), s, start);
      for (std::uint64_t gen = 0; gen < 30; ++gen) {
        Stream rng(9, Purpose::simulation_check, 2, gen);
        p.generation(rng);
      }
      out = p.strategy_of();
    });
    return out;
  };
  for (auto rule : {GraphUpdate::imitate_best, GraphUpdate::proportional_imitation})
    CHECK(run(1, rule) == run(2, rule));
}

TEST_CASE("graph population: bad input gets a clear message", "[structure]") {
  const Graph g = Graph::from_edges(3, {{0, 1}});
  CHECK_THROWS_WITH(GraphPopulation(g, nowak_may(1.5), nowak_may_rules(), {0, 0, 1}),
                    Catch::Contains("has a node without neighbours"));
  // Two triangles: with mutation nothing is wrong; without it no strategy could ever fix.
  const Graph two = Graph::from_edges(6, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}});
  auto rules = nowak_may_rules();
  rules.mutation_rate = 0.01;
  CHECK_NOTHROW(GraphPopulation(two, nowak_may(1.5), rules, {0, 0, 1, 1, 0, 0}));
  rules.mutation_rate = 0;
  CHECK_THROWS_WITH(GraphPopulation(two, nowak_may(1.5), rules, {0, 0, 1, 1, 0, 0}),
                    Catch::Contains("graph has 2 components; with mutation rate 0 it must be "
                                    "connected"));
  const Graph ok = ring(6, 2);
  CHECK_THROWS_WITH(GraphPopulation(ok, nowak_may(1.5), nowak_may_rules(), {0, 0, 1}),
                    Catch::Contains("must be one per node (6)"));
  CHECK_THROWS_WITH(GraphPopulation(ok, nowak_may(1.5), nowak_may_rules(), {0, 0, 1, 2, 0, 0}),
                    Catch::Contains("strategy of node 3 = 2 must be < 2"));
  GraphDynamicsSettings db;
  db.rule = GraphUpdate::death_birth;
  db.selection_intensity = 1.0;
  CHECK_THROWS_WITH(
      GraphPopulation(ok, games::PayoffMatrix(2, {1, -1, 2, 0}), db, {0, 0, 1, 1, 0, 0}),
      Catch::Contains("non-positive"));
  db.mutation_rate = 1.5;
  db.selection_intensity = 0.1;
  CHECK_THROWS_WITH(GraphPopulation(ok, nowak_may(1.5), db, {0, 0, 1, 1, 0, 0}),
                    Catch::Contains("mutation rate = 1.5 must be in [0, 1]"));
}

TEST_CASE(
    "graph population: Nowak & May 1992's spatial chaos holds a third of cooperators for 1.8 < b < "
    "2",
    "[structure][verify]") {
  // Nowak & May (1992, Nature 359:826): imitate-the-best on a periodic lattice, Moore
  // neighbourhood with self-interaction, 10 % defectors at random. For 1.8 < b < 2 the
  // cooperator share fluctuates around 12 ln 2 - 8 = 0.318 (their "evolutionary kaleidoscope");
  // every b in that interval gives the same dynamics (the comparisons between integers of C
  // neighbours and b times integers do not change inside it); for b > 2 cooperation collapses.
  const Graph g = square_lattice(100, Neighbourhood::moore, true);
  std::vector<std::uint32_t> start(g.nodes());
  Stream init(1992, Purpose::simulation_check, 100);
  for (auto& x : start) x = init.bernoulli(0.1) ? 1 : 0;
  auto mean_cooperation = [&](double b) {
    GraphPopulation p(g, nowak_may(b), nowak_may_rules(), start);
    Stream rng(1, Purpose::simulation_check);
    double sum = 0;
    int counted = 0;
    for (int gen = 0; gen < 500; ++gen) {
      p.generation(rng);
      if (gen >= 100) {
        sum += double(p.counts()[0]) / double(g.nodes());
        ++counted;
      }
    }
    return sum / counted;
  };
  const double chaos = mean_cooperation(1.81);
  CHECK(chaos >= 0.30);
  CHECK(chaos <= 0.335);
  CHECK(mean_cooperation(1.9) == chaos);
  CHECK(mean_cooperation(1.99) == chaos);
  CHECK(mean_cooperation(2.01) < 0.1);
  CHECK(mean_cooperation(1.5) > 0.8);
}
