// Mutant-invasion speed (job invasion) on Nowak & Sigmund's 1993 setup,
// experiments/nowak_sigmund_1993_wsls.ini: generations per second for one replicate on one
// thread (memory-one and reactive rules), and the 40-replicate experiment on 1 thread and on
// all threads. Each job runs three times and the best time is reported (other load on a shared
// machine only adds time). Prints markdown rows.
//   bench_invasion
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/config/load.hpp"
#include "engine/jobs/invasion_job.hpp"

using namespace kindest;

namespace {

double best_of_three(const config::Config& c, std::size_t threads) {
  const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const auto path = (std::filesystem::temp_directory_path() / "kindest_bench_invasion.h5").string();
  double best = 1e300;
  for (int k = 0; k < 3; ++k) {
    const auto start = std::chrono::steady_clock::now();
    jobs::run_invasion_job(c, {.path = path, .overwrite = true});
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::filesystem::remove(path);
  return best;
}

config::Config experiment(std::vector<std::string> overrides) {
  return config::load_config(
      std::string(KINDEST_SOURCE_DIR) + "/experiments/nowak_sigmund_1993_wsls.ini", overrides);
}

}  // namespace

int main() {
  std::printf(
      "| run | threads | seconds | generations/s | per core | speed-up |\n"
      "|---|---|---|---|---|---|\n");
  const double g = 1e6;
  for (const auto& space : {"memory_one", "reactive"}) {
    const auto c = experiment({std::string("invasion.space=") + space, "invasion.replicates=1",
                               space == std::string("reactive") ? "invasion.initial_rules=0.5,0.5"
                                                                : "invasion.initial_rules=0.5,0.5,"
                                                                  "0.5,0.5"});
    const double s = best_of_three(c, 1);
    std::printf("| one replicate, %s, 1e6 generations | 1 | %.3f | %.2e | %.2e | - |\n", space, s,
                g / s, g / s);
    std::fflush(stdout);
  }
  const auto c = experiment({});
  const auto all = static_cast<std::size_t>(tbb::info::default_concurrency());
  double one = 0;
  for (const std::size_t threads : {std::size_t{1}, all}) {
    const double s = best_of_three(c, threads);
    if (threads == 1) one = s;
    std::printf("| 40 replicates x 1e6 generations | %zu | %.3f | %.2e | %.2e | %.2f |\n", threads,
                s, 40 * g / s, 40 * g / s / static_cast<double>(threads), one / s);
    std::fflush(stdout);
  }
}
