// The small-mutation limit with reputation payoffs: experiments/hilbe_2018_evolution.ini (N = 50,
// L1 / ALLC / ALLD, private assessment, q = 0.9, perception error 0.05; 150 reputation games of
// burn_in + window sweeps each) as job analysis, on 1 and 2 threads. Prints markdown rows:
//   bench_reputation_analysis [burn_in window]      defaults: the experiment's 10000 10000
// "same" says whether the stationary distribution is bit-identical to the 1-thread run.
// Wall time is what the target (< 5 s on 2 threads) is about; CPU time is printed too,
// since on a shared machine the wall time also counts other processes' turns.
#include <tbb/global_control.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "engine/config/load.hpp"
#include "engine/jobs/analysis_job.hpp"

using namespace kindest;

int main(int argc, char** argv) {
  std::vector<std::string> overrides;
  if (argc > 2) {
    overrides.push_back(std::string("reputation.burn_in=") + argv[1]);
    overrides.push_back(std::string("reputation.window=") + argv[2]);
  }
  const auto config = config::load_config(
      std::string(KINDEST_SOURCE_DIR) + "/experiments/hilbe_2018_evolution.ini", overrides);
  const jobs::PlayerResolver unused = [](std::string_view) { return std::vector<Player>{}; };
  const std::string out = "/tmp/bench_reputation_analysis.h5";
  std::printf(
      "| burn_in + window | games | threads | wall s | CPU s | speed-up | stationary (L1, ALLC, "
      "ALLD) | cooperation | same |\n|---|---|---|---|---|---|---|---|---|\n");
  std::vector<double> reference;
  double one_thread = 0;
  for (int threads : {1, 2}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu0 = std::clock();
    const auto r = jobs::run_analysis_job(config, unused, {.path = out, .overwrite = true});
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    if (threads == 1) one_thread = wall, reference = r.limit.stationary;
    double cooperation = 0;
    for (std::size_t s = 0; s < r.limit.stationary.size(); ++s)
      cooperation += r.limit.stationary[s] * r.reputation->self_cooperation[s];
    std::printf("| %s + %s | %zu | %d | %.2f | %.2f | %.2f | %.4f, %.4f, %.4f | %.4f | %s |\n",
                config.text("reputation.burn_in").c_str(), config.text("reputation.window").c_str(),
                jobs::composition_game_count(3, 50), threads, wall, cpu, one_thread / wall,
                r.limit.stationary[0], r.limit.stationary[1], r.limit.stationary[2], cooperation,
                r.limit.stationary == reference ? "yes" : "NO");
    std::fflush(stdout);
  }
  std::remove(out.c_str());
}
