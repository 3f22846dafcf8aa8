#pragma once
// The replicate skeleton the long jobs (evolution, invasion) share: per replicate, create its
// group or resume it from its checkpoint; start SWMR; run the replicates in parallel (TBB) with
// one ReplicateLoop; flush the last rows and checkpoints; let the job write what it writes at
// the end; mark the file complete unless stopped. The job supplies:
//
//   struct Job {
//     SeriesRecorder::State initial_state(std::size_t r);     // generation 0, a fresh replicate
//     Sim start(std::size_t r, const SeriesRecorder::State&); // a replicate's simulation
//     void finished(std::size_t r, Sim&, std::uint64_t g);    // after its last generation run
//     void skipped(std::size_t r, const SeriesRecorder::State&);  // stopped before it started
//     void write_results(record::Hdf5Writer&, bool interrupted);  // before the complete mark
//   };
//   Sim: void step(std::uint64_t g); SeriesRecorder::Row row(std::uint64_t g);
//        SeriesRecorder::State state(std::uint64_t g);
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <atomic>
#include <optional>
#include <vector>

#include "engine/core/stop.hpp"
#include "engine/jobs/replicate_loop.hpp"
#include "engine/record/series_recorder.hpp"

namespace kindest::jobs {

struct ReplicateRun {
  std::size_t replicates = 0;
  std::uint64_t generations = 0;
  std::uint64_t stride = 1;  // ReplicateLoop's
  bool resume = false;
};

/// Returns true when the run was interrupted (the file stays marked incomplete).
template <class Job>
bool drive_replicates(const config::Config& c, record::Hdf5Writer& writer,
                      record::SeriesRecorder& recorder, const ReplicateRun& run, Job& job,
                      const GenerationProgress& progress, const std::atomic<bool>* stop) {
  std::vector<record::SeriesRecorder::State> start(run.replicates);
  std::uint64_t already_done = 0;
  for (std::size_t r = 0; r < run.replicates; ++r) {
    if (run.resume) {
      start[r] = recorder.resume(r);
    } else {
      start[r] = job.initial_state(r);
      recorder.create(r, start[r]);
    }
    already_done += start[r].generation;
  }
  writer.start_swmr();

  ReplicateLoop loop(c, run.generations, run.replicates, run.stride, already_done, progress, stop);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, run.replicates, 1), [&](const auto& range) {
    for (std::size_t r = range.begin(); r != range.end(); ++r) {
      if (loop.stopping()) {  // not started: its file state is already a valid starting point
        loop.skip();
        job.skipped(r, start[r]);
        continue;
      }
      std::optional<decltype(job.start(r, start[r]))> started;
      try {
        started.emplace(job.start(r, start[r]));
      } catch (const Interrupted&) {
        // Starting can be long work (a reputation game's generation 0): its file state is
        // still the valid starting point.
        loop.skip();
        job.skipped(r, start[r]);
        continue;
      }
      auto& sim = *started;
      // Not yet on file: a fresh run, or one killed before its first checkpoint.
      const bool fresh = start[r].generation == 0 && recorder.rows(r) == 0;
      const auto last = loop.run(
          start[r].generation, fresh, [&](std::uint64_t g) { sim.step(g); },
          [&](std::uint64_t g) { recorder.record(r, sim.row(g)); },
          [&](std::uint64_t g, bool flush) { recorder.checkpoint(r, sim.state(g), flush); });
      start[r] = {};  // frees what a large population's state holds
      job.finished(r, sim, last);
    }
  });
  recorder.finish();
  const bool interrupted = loop.interrupted();
  job.write_results(writer, interrupted);
  writer.flush();
  if (!interrupted) writer.mark_complete();
  return interrupted;
}

}  // namespace kindest::jobs
