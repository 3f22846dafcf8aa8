// Finite-population throughput, replicate scaling and recording cost. Prints markdown rows:
//   bench_dynamics events       update events per second, Z = 1000, S = 3 and 32, every process
//   bench_dynamics replicates   evolution job, 8 replicates, 1 thread vs all threads
//   bench_dynamics recording    evolution job recording every generation vs only the last
//   bench_dynamics matches      evolution job playing every pair's match each generation
//                               (agent-based, as the Axelrod library's Moran process)
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/config/load.hpp"
#include "engine/dynamics/population_payoffs.hpp"
#include "engine/dynamics/process.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "strategies/registry.hpp"

using namespace kindest;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

games::PayoffMatrix random_game(std::size_t s) {
  Stream rng(2024, Purpose::simulation_check, s);
  games::PayoffMatrix a(s);
  for (std::size_t i = 0; i < s; ++i)
    for (std::size_t j = 0; j < s; ++j) a(i, j) = rng.uniform();
  return a;
}

void events() {
  std::printf(
      "| process | S | Z | events | seconds | events/s (1 core) |\n|---|---|---|---|---|---|\n");
  const std::uint32_t z = 1000;
  for (std::size_t s : {3, 32}) {
    const auto game = random_game(s);
    for (auto [kind, name] : std::vector<std::pair<dynamics::ProcessKind, const char*>>{
             {dynamics::ProcessKind::pairwise_comparison, "pairwise_comparison"},
             {dynamics::ProcessKind::moran_birth_death, "moran_birth_death"},
             {dynamics::ProcessKind::moran_death_birth, "moran_death_birth"},
             {dynamics::ProcessKind::wright_fisher, "wright_fisher"}}) {
      // Weak selection and mutation keep the population mixed, so events keep changing it.
      const auto process = dynamics::make_process(
          {.kind = kind, .selection_intensity = 0.1, .mutation_rate = 0.01}, {0.0, 1.0});
      dynamics::Population p{std::vector<std::uint32_t>(s, 0)};
      for (std::uint32_t k = 0; k < z; ++k) ++p.counts[k % s];
      dynamics::MatrixPayoffs payoffs(game, false);
      const std::uint64_t generations = 2000;
      const auto start = Clock::now();
      for (std::uint64_t g = 0; g < generations; ++g) {
        Stream rng(1, Purpose::population, 0, g);
        process->run_generation(p, payoffs, rng);
      }
      const double t = seconds_since(start);
      const double n = static_cast<double>(generations) * z;
      std::printf("| %s | %zu | %u | %.0f | %.3f | %.3g |\n", name, s, z, n, t, n / t);
    }
  }
}

double run_job(const std::vector<std::string>& overrides, int threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  const auto c = config::load_config("", overrides);
  const auto path = (std::filesystem::temp_directory_path() / "kindest_bench_dynamics.h5").string();
  const auto resolve = [](std::string_view l) { return strategies::registry().make_players(l); };
  const auto start = Clock::now();
  jobs::run_evolution_job(c, resolve, {.path = path, .overwrite = true});
  const double t = seconds_since(start);
  std::filesystem::remove(path);
  return t;
}

const std::vector<std::string> kJob = {
    "run.job=evolution",
    "population.size=1000",
    "payoffs.source=exact",
    "population.strategies=ALLC, ALLD, TFT, WSLS, GTFT, STFT, ZDExtort2, ZDGTFT2",
    "match.continuation_probability=0.95",
    "match.execution_error_rate=0.01",
    "dynamics.selection_intensity=0.5",
    "dynamics.mutation_rate=0.001"};

void replicates() {
  std::printf("| job | threads | seconds | speed-up |\n|---|---|---|---|\n");
  auto o = kJob;
  o.insert(o.end(), {"dynamics.replicates=8", "dynamics.generations=10000", "record.interval=10"});
  // Best of three: the machine's other load only ever adds time.
  const int all = tbb::info::default_concurrency();
  double one = 1e9, many = 1e9;
  for (int k = 0; k < 3; ++k) {
    one = std::min(one, run_job(o, 1));
    many = std::min(many, run_job(o, all));
  }
  std::printf("| 8 replicates x 10000 generations, Z = 1000, S = 8 | 1 | %.3f | 1.00 |\n", one);
  std::printf("| same | %d | %.3f | %.2f |\n", all, many, one / many);
}

void recording() {
  std::printf("| recording | seconds | overhead |\n|---|---|---|\n");
  auto o = kJob;
  o.insert(o.end(), {"dynamics.replicates=1", "dynamics.generations=20000"});
  auto last_only = o, every = o;
  last_only.push_back("record.interval=20000");
  every.push_back("record.interval=1");
  double best_last = 1e9, best_every = 1e9;
  for (int k = 0; k < 3; ++k) {  // best of three: the machine is shared
    best_last = std::min(best_last, run_job(last_only, 1));
    best_every = std::min(best_every, run_job(every, 1));
  }
  std::printf(
      "| last generation only | %.3f | - |\n| every generation (20000 rows) | %.3f | %.1f%% |\n",
      best_last, best_every, 100 * (best_every / best_last - 1));
}

// Every generation plays one 200-turn match between each of the Z (Z - 1) / 2 pairs of
// individuals, then Z Moran birth-death events, the Axelrod library's Moran process scheme.
void matches() {
  std::printf(
      "| agent-based run | threads | seconds | matches/s | turns/s |\n|---|---|---|---|---|\n");
  const std::uint64_t z = 20, generations = 200;
  const std::vector<std::string> o = {
      "run.job=evolution",
      "population.size=" + std::to_string(z),
      "payoffs.source=matches",
      "population.strategies=TitForTat, Defector, Random, Grudger, WinStayLoseShift",
      "match.turns=200",
      "match.execution_error_rate=0.05",
      "dynamics.process=moran_birth_death",
      "dynamics.selection_intensity=0.5",
      "dynamics.mutation_rate=0.01",
      "dynamics.replicates=1",
      "dynamics.generations=" + std::to_string(generations),
      "record.interval=1"};
  double best = 1e9;
  for (int k = 0; k < 3; ++k) best = std::min(best, run_job(o, 1));
  const double played = static_cast<double>(generations * z * (z - 1) / 2);
  std::printf(
      "| Z = %llu, 5 strategies, 200 turns, noise 0.05, %llu generations | 1 | %.3f | %.3g | "
      "%.3g |\n",
      static_cast<unsigned long long>(z), static_cast<unsigned long long>(generations), best,
      played / best, 200 * played / best);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> what(argv + 1, argv + argc);
  if (what.empty()) what = {"events", "replicates", "recording", "matches"};
  for (const auto& w : what) {
    if (w == "events")
      events();
    else if (w == "replicates")
      replicates();
    else if (w == "recording")
      recording();
    else if (w == "matches")
      matches();
    else {
      std::fprintf(stderr, "unknown benchmark %s\n", w.c_str());
      return 2;
    }
    std::printf("\n");
  }
}
