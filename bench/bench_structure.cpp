// Populations on graphs (issue 12). Prints markdown rows:
//   bench_structure lattice   Nowak-May imitate-the-best, L = 1000 Moore lattice with
//                             self-interaction: site updates per second, the lattice kernel
//                             on 1 thread and all, and the generic CSR path on 1
//   bench_structure events    death-birth events per second on a random 4-regular graph of
//                             10^6 nodes, and pairwise imitation, against the count-based
//                             well-mixed process at the same size
//   bench_structure build     time to generate each graph at 10^6 nodes
//   bench_structure steps kernel|generic N
//                             N Nowak-May steps of one path on 1 thread, for callgrind
// CPU seconds (getrusage) are reported next to wall seconds: on a shared machine the per-CPU-
// second rate is the figure that does not depend on other load.
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "engine/dynamics/population_payoffs.hpp"
#include "engine/dynamics/process.hpp"
#include "engine/structure/graph_population.hpp"

using namespace kindest;
using namespace kindest::structure;
using Clock = std::chrono::steady_clock;

namespace {

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec) + double(u.ru_stime.tv_sec) +
         1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

struct Timing {
  double wall, cpu;
};

Timing time_it(const std::function<void()>& f) {
  const double c0 = cpu_seconds();
  const auto t0 = Clock::now();
  f();
  return {std::chrono::duration<double>(Clock::now() - t0).count(), cpu_seconds() - c0};
}

void lattice(int kernel_steps) {
  const int generic_steps = std::max(1, kernel_steps / 10);
  std::printf(
      "| L | path | threads | steps | wall s | CPU s | site updates/s (wall) | per CPU-second "
      "|\n");
  std::printf("|---|---|---|---|---|---|---|---|\n");
  const std::size_t side = 1000;
  const Graph g = square_lattice(side, Neighbourhood::moore, true);
  std::vector<std::uint32_t> start(g.nodes());
  Stream init(1992, Purpose::simulation_check);
  for (auto& x : start) x = init.bernoulli(0.1) ? 1 : 0;
  GraphDynamicsSettings s;
  s.rule = GraphUpdate::imitate_best;
  s.self_interaction = true;
  const int all = static_cast<int>(tbb::info::default_concurrency());
  // The lattice kernel (1 thread and all), then the generic CSR path it replaces; the final
  // lattices must agree (the kernel's bits are the generic path's).
  std::vector<std::vector<std::uint32_t>> ends;
  for (auto [kernel, threads, steps] :
       {std::tuple{true, 1, kernel_steps}, std::tuple{true, all, kernel_steps},
        std::tuple{false, 1, generic_steps}}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    s.lattice_kernel = kernel;
    GraphPopulation p(g, games::PayoffMatrix(2, {1.0, 0.0, 1.9, 0.0}), s, start);
    Stream rng(1, Purpose::simulation_check);
    const Timing t = time_it([&] {
      for (int k = 0; k < steps; ++k) p.generation(rng);
    });
    if (!kernel) ends.push_back(p.strategy_of());
    const double sites = double(steps) * double(g.nodes());
    std::printf("| %zu | %s | %d | %d | %.2f | %.2f | %.2e | %.2e |\n", side,
                p.uses_lattice_kernel() ? "lattice kernel" : "generic CSR", threads, steps, t.wall,
                t.cpu, sites / t.wall, sites / t.cpu);
  }
  // The generic path's steps with the kernel, to compare the lattices.
  s.lattice_kernel = true;
  GraphPopulation p(g, games::PayoffMatrix(2, {1.0, 0.0, 1.9, 0.0}), s, start);
  Stream rng(1, Purpose::simulation_check);
  for (int k = 0; k < generic_steps; ++k) p.generation(rng);
  std::printf("\nkernel and generic lattices after %d steps: %s\n", generic_steps,
              p.strategy_of() == ends.at(0) ? "identical" : "DIFFERENT");
}

// For instruction counts (valgrind --tool=callgrind): `steps` steps of one path on 1 thread,
// nothing printed but the lattice's cooperator count; the difference between two step counts
// is the cost of the steps alone.
void steps(bool kernel, int steps) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
  const Graph g = square_lattice(1000, Neighbourhood::moore, true);
  std::vector<std::uint32_t> start(g.nodes());
  Stream init(1992, Purpose::simulation_check);
  for (auto& x : start) x = init.bernoulli(0.1) ? 1 : 0;
  GraphDynamicsSettings s;
  s.rule = GraphUpdate::imitate_best;
  s.self_interaction = true;
  s.lattice_kernel = kernel;
  GraphPopulation p(g, games::PayoffMatrix(2, {1.0, 0.0, 1.9, 0.0}), s, start);
  Stream rng(1, Purpose::simulation_check);
  for (int k = 0; k < steps; ++k) p.generation(rng);
  std::printf("%s, %d steps: %llu cooperators\n", kernel ? "kernel" : "generic", steps,
              static_cast<unsigned long long>(p.counts()[0]));
}

void events() {
  std::printf(
      "| population | rule | events | wall s | CPU s | events/s (wall) | per CPU-second |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  const std::size_t n = 1000000;
  Stream build(4, Purpose::simulation_check);
  const Graph g = random_regular(n, 4, build);
  const games::PayoffMatrix game(2, {1.0, 0.0, 1.2, 0.1});
  std::vector<std::uint32_t> start(n);
  for (std::size_t v = 0; v < n; ++v) start[v] = v % 2 == 0 ? 1 : 0;
  for (auto [rule, name] : {std::pair{GraphUpdate::death_birth, "death_birth"},
                            std::pair{GraphUpdate::birth_death, "birth_death"},
                            std::pair{GraphUpdate::pairwise_imitation, "pairwise_imitation"}}) {
    GraphDynamicsSettings s;
    s.rule = rule;
    s.selection_intensity = 0.1;
    s.mutation_rate = 0.01;
    GraphPopulation p(g, game, s, start);
    Stream rng(2, Purpose::simulation_check);
    const Timing t = time_it([&] {
      for (int k = 0; k < 5; ++k) p.generation(rng);
    });
    const double events = 5.0 * double(n);
    std::printf("| random 4-regular graph, N = 10^6 | %s | %.0e | %.2f | %.2f | %.2e | %.2e |\n",
                name, events, t.wall, t.cpu, events / t.wall, events / t.cpu);
  }
  for (auto [kind, name] :
       {std::pair{dynamics::ProcessKind::moran_death_birth, "moran_death_birth"},
        std::pair{dynamics::ProcessKind::pairwise_comparison, "pairwise_comparison"}}) {
    const auto process = dynamics::make_process(
        {.kind = kind, .selection_intensity = 0.1, .mutation_rate = 0.01}, {0.0, 1.2});
    dynamics::Population pop{std::vector<std::uint32_t>{static_cast<std::uint32_t>(n / 2),
                                                        static_cast<std::uint32_t>(n / 2)}};
    dynamics::MatrixPayoffs payoffs(game, false);
    const Timing t = time_it([&] {
      for (std::uint64_t k = 0; k < 5; ++k) {
        Stream rng(3, Purpose::simulation_check, k);
        process->run_generation(pop, payoffs, rng);
      }
    });
    const double events = 5.0 * double(n);
    std::printf("| well-mixed counts, Z = 10^6 | %s | %.0e | %.2f | %.2f | %.2e | %.2e |\n", name,
                events, t.wall, t.cpu, events / t.wall, events / t.cpu);
  }
}

void build() {
  std::printf("| graph (10^6 nodes) | edges | wall s |\n|---|---|---|\n");
  const std::size_t n = 1000000;
  Stream rng(5, Purpose::simulation_check);
  const std::vector<std::pair<const char*, std::function<Graph()>>> graphs{
      {"square lattice 1000 x 1000, Moore",
       [] { return square_lattice(1000, Neighbourhood::moore, true); }},
      {"random 4-regular", [&] { return random_regular(n, 4, rng); }},
      {"Erdos-Renyi, mean degree 4", [&] { return erdos_renyi(n, 4.0 / double(n - 1), rng); }},
      {"Barabasi-Albert, m = 2", [&] { return barabasi_albert(n, 2, rng); }},
      {"Watts-Strogatz, k = 4, beta = 0.1", [&] { return watts_strogatz(n, 4, 0.1, rng); }}};
  for (const auto& [name, make] : graphs) {
    Graph g;
    const Timing t = time_it([&] { g = make(); });
    std::printf("| %s | %zu | %.2f |\n", name, g.edges(), t.wall);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "all";
  // bench_structure lattice [kernel steps, default 200; the generic path runs a tenth of them]
  if (what == "lattice" || what == "all") lattice(argc > 2 ? std::stoi(argv[2]) : 200);
  // bench_structure steps kernel|generic N (for callgrind)
  if (what == "steps")
    steps(argc > 2 && std::string(argv[2]) == "kernel", argc > 3 ? std::stoi(argv[3]) : 1);
  if (what == "events" || what == "all") events();
  if (what == "build" || what == "all") build();
  return 0;
}
