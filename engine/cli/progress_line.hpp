#pragma once
// Progress of a job or a sweep on stderr, rewritten in place:
//   "  37/150 games (24%), 3.1 s, 11.9 games/s, 9 s left"
// at most five times a second and only when stderr is a terminal: a log or a pipe gets the
// commands' closing lines instead of a stream of carriage returns.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace kindest::cli {

class ProgressLine {
 public:
  /// `unit` names what done and total count ("pairs", "rows", a job's progress_unit).
  ProgressLine(bool enabled, std::string unit);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// Safe from any thread. The rate (and time left, shown after half a second) counts from
  /// the first call, so that neither setup time nor what a resumed run had done before
  /// distorts it.
  void operator()(std::uint64_t done, std::uint64_t total);

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  std::string unit_;
  bool shown_ = false, started_ = false;
  std::uint64_t first_ = 0;
  std::mutex mutex_;
  Clock::time_point start_ = Clock::now(), first_at_{}, last_{};
};

}  // namespace kindest::cli
