// Replicator integration speed: a random S-strategy game (payoffs uniform in [0, 1), fixed seed)
// integrated from the barycentre to t = 1000 with the default tolerances (1e-10 / 1e-10), once
// recording every unit of time (record times cap the step size) and once recording only t_end
// (steps chosen by the error control alone). A single run takes milliseconds, so each is repeated
// for at least 0.5 s and the mean is reported. Prints one markdown row per (S, record interval):
//   bench_replicator [S ...]     default: 32
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "engine/dynamics/replicator.hpp"

using namespace kindest;

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoul(argv[i]));
  if (sizes.empty()) sizes = {32};
  const double t_end = 1000;
  std::printf(
      "| strategies | t_end | record interval | runs | seconds per run | accepted steps | rejected "
      "| steps/s | derivative evals/s | max sum drift | surviving (x > 1e-6) |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const std::size_t n : sizes) {
    std::mt19937_64 rng(20240601);
    std::uniform_real_distribution<double> unit(0, 1);
    games::PayoffMatrix a(n);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) a(i, j) = unit(rng);
    const dynamics::Replicator r(a);
    const std::vector<double> x0(n, 1.0 / static_cast<double>(n));

    for (const double interval : {1.0, t_end}) {
      dynamics::ReplicatorTrajectory tr;
      int runs = 0;
      double seconds = 0;
      const auto start = std::chrono::steady_clock::now();
      while (seconds < 0.5) {
        tr = dynamics::integrate(r, x0, t_end, interval);
        ++runs;
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      }
      const double per_run = seconds / runs;
      std::size_t surviving = 0;
      for (double v : tr.state.back()) surviving += v > 1e-6;
      const auto& s = tr.stats;
      std::printf("| %zu | %.0f | %g | %d | %.3g | %zu | %zu | %.3g | %.3g | %.1e | %zu |\n", n,
                  t_end, interval, runs, per_run, s.accepted_steps, s.rejected_steps,
                  static_cast<double>(s.accepted_steps) / per_run,
                  static_cast<double>(s.derivative_evaluations) / per_run, s.max_sum_drift,
                  surviving);
      std::fflush(stdout);
    }
  }
}
