#include "engine/cli/progress_line.hpp"

#include <unistd.h>

#include <iomanip>
#include <iostream>
#include <utility>

namespace kindest::cli {

ProgressLine::ProgressLine(bool enabled, std::string unit)
    : enabled_(enabled && ::isatty(STDERR_FILENO)), unit_(std::move(unit)) {}

ProgressLine::~ProgressLine() {
  if (shown_) std::cerr << "\n";
}

void ProgressLine::operator()(std::uint64_t done, std::uint64_t total) {
  if (!enabled_ || total == 0) return;
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  if (!started_) {
    // The rate counts from here: before the first report a job may spend long setting up
    // (creating 10^4 replicate groups), which says nothing about how fast the rest goes.
    started_ = true;
    first_ = done;
    first_at_ = now;
  }
  if (done != total && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double counting = std::chrono::duration<double>(now - first_at_).count();
  const double rate = counting > 0 ? static_cast<double>(done - first_) / counting : 0;
  std::cerr << "\r  " << done << "/" << total << " " << unit_ << " (" << 100 * done / total
            << "%), " << std::fixed << std::setprecision(1) << seconds << " s";
  if (rate > 0 && done < total && counting > 0.5)
    std::cerr << ", " << std::setprecision(1) << rate << " " << unit_ << "/s, "
              << std::setprecision(0) << static_cast<double>(total - done) / rate << " s left";
  std::cerr << "   " << std::flush;
  shown_ = true;
}

}  // namespace kindest::cli
