#pragma once
// The invasion job: config -> pair payoffs of memory-one rules (long-run payoffs of the repeated
// game) -> Nowak & Sigmund's mutant-invasion dynamics (engine/dynamics/mutant_invasion.hpp), R
// replicates in parallel -> /invasion in HDF5 (docs/FORMAT.md).
//
// Generation g of replicate r draws only from the stream (seed, Purpose::mutation, r, g), and
// the state between generations is the rules present with their frequencies, so the result does
// not depend on the thread count and a resumed run continues to the same bits.
#include <array>
#include <atomic>
#include <vector>

#include "engine/config/config.hpp"
#include "engine/dynamics/mutant_invasion.hpp"
#include "engine/jobs/evolution_job.hpp"

namespace kindest::jobs {

struct InvasionOutcome {
  bool interrupted = false;
  std::vector<dynamics::Rule> final_mean_rule;  // per replicate
  std::vector<int> final_corner;                // per replicate; -1 if it did not finish
};

const JobSpec& invasion_job();

/// Like run_evolution_job: output.resume continues an interrupted run; `stop` is polled between
/// generations.
InvasionOutcome run_invasion_job(const config::Config& config, const OutputOptions& output,
                                 const GenerationProgress& progress = {},
                                 const std::atomic<bool>* stop = nullptr);

/// How many replicates end nearest each corner of the unit cube (and the final mean rule of a
/// single replicate).
Summary invasion_summary(const InvasionOutcome& outcome);

}  // namespace kindest::jobs
