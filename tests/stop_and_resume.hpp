#pragma once
// A stop requested by the clock, wherever it lands, then --resume: the uninterrupted file's
// bits. Shared by the job tests whose generations are long enough for a stop to land inside one.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <initializer_list>
#include <string>
#include <thread>

#include "engine/config/config.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "hdf5_contents.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

namespace kindest::testing {

/// Runs the evolution job on `c` once whole, then once per delay with a stop requested after
/// that many milliseconds; each run the stop interrupted is resumed and must equal the whole
/// file. Returns how many runs were interrupted (a machine fast enough to finish first proves
/// nothing for that delay).
inline int check_stopped_runs_resume(const config::Config& c, const TempDir& dir,
                                     std::initializer_list<int> delays_ms) {
  const auto whole = dir.file("whole.h5");
  jobs::run_evolution_job(c, resolver(), {.path = whole, .overwrite = true});
  int interrupted = 0;
  for (const int ms : delays_ms) {
    INFO("stop requested after " << ms << " ms");
    const auto part = dir.file("part" + std::to_string(ms) + ".h5");
    std::atomic<bool> stop{false};
    std::thread timer([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      stop = true;
    });
    const auto first =
        jobs::run_evolution_job(c, resolver(), {.path = part, .overwrite = true}, {}, &stop);
    timer.join();
    if (!first.interrupted) continue;
    ++interrupted;
    const auto second = jobs::run_evolution_job(c, resolver(), {.path = part, .resume = true});
    CHECK_FALSE(second.interrupted);
    check_same_contents(part, whole);
  }
  return interrupted;
}

}  // namespace kindest::testing
