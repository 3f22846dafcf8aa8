#pragma once
// A stop request (SIGINT, SIGTERM) honoured inside long loops, not only between generations: a
// generation of 4e9 individuals runs for minutes, and Ctrl-C must take effect within a second.
// Loops that can run long poll the flag every kStopPollEvents iterations and throw
// Interrupted; whoever started the unit of work (a generation) discards what it did part-way
// and keeps its last whole state: a half-run generation never reaches the file, so a resume
// reruns it from the last checkpoint to the same bits.
#include <atomic>
#include <cstdint>
#include <exception>

namespace kindest {

/// A loop stopped part-way because a stop was requested. Not an error.
struct Interrupted : std::exception {
  const char* what() const noexcept override { return "interrupted by a stop request"; }
};

/// Iterations between polls: about a millisecond of the cheapest loops, so that polling costs
/// nothing measurable and a stop takes effect well within a second.
inline constexpr std::uint64_t kStopPollEvents = std::uint64_t{1} << 20;

/// Whether a stop was requested; `stop` may be null (never stops).
inline bool stop_requested(const std::atomic<bool>* stop) {
  return stop && stop->load(std::memory_order_relaxed);
}

/// Throws Interrupted when a stop was requested: for loops whose every iteration is long work
/// (a match, a round of the reputation game).
inline void throw_if_stopped(const std::atomic<bool>* stop) {
  if (stop_requested(stop)) throw Interrupted();
}

/// Throws Interrupted when `stop` (may be null) is set; reads it only every kStopPollEvents-th
/// value of `iteration`.
inline void poll_stop(const std::atomic<bool>* stop, std::uint64_t iteration) {
  if (iteration % kStopPollEvents == kStopPollEvents - 1) throw_if_stopped(stop);
}

}  // namespace kindest
