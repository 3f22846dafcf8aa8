// ReplicateLoop's cadence (records at 0, every interval-th generation and the last; a
// checkpoint every flush_every records) and its stop, independent of any job.
#include <catch2/catch.hpp>
#include <vector>

#include "engine/config/load.hpp"
#include "engine/jobs/replicate_loop.hpp"

using namespace kindest;

namespace {

struct Trace {
  std::vector<std::uint64_t> steps, records;
  std::vector<std::pair<std::uint64_t, bool>> checkpoints;  // (generation, flush)
};

Trace run(std::uint64_t start, bool record_start, const std::atomic<bool>* stop,
          std::uint64_t stop_at = 0, std::atomic<bool>* flag = nullptr) {
  const auto c =
      config::load_config("", {"run.job=evolution", "dynamics.generations=10", "record.interval=3",
                               "record.flush_every=2", "record.flush_seconds=1000000"});
  const jobs::GenerationProgress progress;
  jobs::ReplicateLoop loop(c, 10, 1, 1, start, progress, stop);
  Trace t;
  loop.run(
      start, record_start,
      [&](std::uint64_t g) {
        t.steps.push_back(g);
        if (flag && g == stop_at) *flag = true;
      },
      [&](std::uint64_t g) { t.records.push_back(g); },
      [&](std::uint64_t g, bool flush) { t.checkpoints.emplace_back(g, flush); });
  CHECK(loop.interrupted() == (t.steps.empty() ? start < 10 : t.steps.back() < 10));
  return t;
}

}  // namespace

TEST_CASE("replicate loop: records, checkpoints and the last generation", "[jobs][loop]") {
  const auto t = run(0, true, nullptr);
  CHECK(t.steps == std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  CHECK(t.records == std::vector<std::uint64_t>{0, 3, 6, 9, 10});
  // Records 0, 3 -> checkpoint at 3 (flushed); 6, 9 -> at 9; 10 and the end -> at 10, left to
  // the final flush (the clock is not due).
  const std::vector<std::pair<std::uint64_t, bool>> expected{{3, true}, {9, true}, {10, false}};
  CHECK(t.checkpoints == expected);
}

TEST_CASE("replicate loop: a resumed replicate continues after its checkpoint", "[jobs][loop]") {
  const auto t = run(4, false, nullptr);
  CHECK(t.steps == std::vector<std::uint64_t>{5, 6, 7, 8, 9, 10});
  CHECK(t.records == std::vector<std::uint64_t>{6, 9, 10});
  CHECK(t.checkpoints.front() == std::pair<std::uint64_t, bool>{9, true});
  const auto done = run(10, false, nullptr);  // finished before: only its final checkpoint
  CHECK(done.steps.empty());
  CHECK(done.checkpoints == std::vector<std::pair<std::uint64_t, bool>>{{10, false}});
}

TEST_CASE("replicate loop: the stop flag ends the replicate at a generation boundary",
          "[jobs][loop]") {
  std::atomic<bool> stop{false};
  const auto t = run(0, true, &stop, 5, &stop);
  CHECK(t.steps == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
  CHECK(t.records == std::vector<std::uint64_t>{0, 3});
  // The state after generation 5 is checkpointed, unflushed (the job flushes once at the end).
  const std::vector<std::pair<std::uint64_t, bool>> expected{{3, true}, {5, false}};
  CHECK(t.checkpoints == expected);
  std::atomic<bool> already{true};
  const auto none = run(0, true, &already);
  CHECK(none.steps.empty());
  CHECK(none.records == std::vector<std::uint64_t>{0});
}

TEST_CASE("replicate loop: a stop inside a generation keeps only the last checkpoint",
          "[jobs][loop][stop]") {
  // A step that throws Interrupted (a long generation polled the stop flag part-way) must not
  // be recorded or checkpointed: its state is half-updated.
  const auto c =
      config::load_config("", {"run.job=evolution", "dynamics.generations=10", "record.interval=3",
                               "record.flush_every=2", "record.flush_seconds=1000000"});
  const jobs::GenerationProgress progress;
  std::atomic<bool> stop{false};
  jobs::ReplicateLoop loop(c, 10, 1, 1, 0, progress, &stop);
  std::vector<std::uint64_t> steps, records;
  std::vector<std::pair<std::uint64_t, bool>> checkpoints;
  const auto last = loop.run(
      0, true,
      [&](std::uint64_t g) {
        steps.push_back(g);
        if (g == 5) {
          stop = true;
          throw Interrupted();
        }
      },
      [&](std::uint64_t g) { records.push_back(g); },
      [&](std::uint64_t g, bool flush) { checkpoints.emplace_back(g, flush); });
  CHECK(last == 4);  // the last whole generation
  CHECK(loop.interrupted());
  CHECK(steps == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
  CHECK(records == std::vector<std::uint64_t>{0, 3});
  // Only the checkpoint after 3 (records 0 and 3); none for 4 or the interrupted 5.
  CHECK(checkpoints == std::vector<std::pair<std::uint64_t, bool>>{{3, true}});
}
