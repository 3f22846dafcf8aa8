#pragma once
// The evolution job: config -> population game -> finite-population dynamics, R replicates in
// parallel -> trajectories in HDF5 (docs/FORMAT.md, /population and /replicates).
//
// Generation g of replicate r draws only from the stream (seed, Purpose::population, r, g), and
// the state between generations is the strategy counts, so the result does not depend on the
// thread count, and a run resumed from a checkpoint continues to the same bits as an
// uninterrupted one.
#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "engine/config/config.hpp"
#include "engine/jobs/job.hpp"
#include "engine/jobs/population_game.hpp"
#include "engine/record/series_recorder.hpp"

namespace kindest::jobs {

struct EvolutionOutcome {
  bool interrupted = false;  // stopped by `stop` before the last generation
  std::vector<std::string> strategies;
  std::vector<std::vector<std::uint32_t>> final_counts;  // per replicate
  std::uint64_t events = 0;                              // update events simulated
  // Over every recorded generation of every replicate (read back from the file at the end, so
  // a resumed run averages over the whole run); NaN until the run finishes.
  std::vector<double> mean_frequency;  // S
  double mean_cooperation_rate = std::nan("");
  double final_cooperation_rate = std::nan("");  // mean over replicates of the last record
};

const JobSpec& evolution_job();

/// With output.resume the file must exist and hold the same resolved config (the output path
/// aside); the run continues each replicate from its checkpoint. `stop` (may be null) is polled
/// between generations; when it is set, every replicate writes a checkpoint and the file stays
/// marked incomplete.
EvolutionOutcome run_evolution_job(const config::Config& config, const PlayerResolver& resolve,
                                   const OutputOptions& output,
                                   const GenerationProgress& progress = {},
                                   const std::atomic<bool>* stop = nullptr);

/// At the end of an uninterrupted run: the time averages of `outcome` from the series on file
/// (so a resumed run averages over the whole run), written into the summary's values.
void write_evolution_results(record::Hdf5Writer& writer, const record::SeriesRecorder& recorder,
                             EvolutionOutcome& outcome);

/// The result file of an evolution run, whatever plays the game: opened for --resume, or
/// created with /population and the summary's layout (no dataset can be created once the file
/// is in SWMR mode: the summary's values come when the run ends), and the outcome it will
/// summarise, sized for `replicates`.
struct EvolutionFile {
  std::unique_ptr<record::Hdf5Writer> writer;
  EvolutionOutcome outcome;
};
EvolutionFile open_evolution_file(const config::Config& config, const OutputOptions& output,
                                  const PopulationGame& game, std::size_t replicates);

/// Final and time-averaged frequencies (mean over replicates), and the cooperation rate.
Summary evolution_summary(const EvolutionOutcome& outcome);

/// [population] initial_counts, or an even split. Throws ConfigError.
std::vector<std::uint32_t> initial_counts(const config::Config& config, std::size_t strategies);

}  // namespace kindest::jobs
