#pragma once
// Shared by the experiment checks (tests/experiments/test_*.cpp): load an experiment file with
// overrides, run the analysis or evolution job in process, and summarise evolution output
// (time averages per replicate, and their batch mean with a standard error).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "engine/config/load.hpp"
#include "engine/jobs/analysis_job.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

namespace kindest::experiments {

using kindest::testing::resolver;

/// experiments/<file> with "section.key=value" overrides, as `kindest run` would load it.
inline config::Config load_experiment(const std::string& file,
                                      const std::vector<std::string>& overrides = {}) {
  return config::load_config(std::string(KINDEST_SOURCE_DIR) + "/experiments/" + file, overrides);
}

/// Runs the analysis job; every call overwrites the same file in `dir` (only the returned
/// outcome is inspected, the file just proves the job completes).
inline jobs::AnalysisOutcome run_analysis(const config::Config& config,
                                          const testing::TempDir& dir) {
  return jobs::run_analysis_job(config, resolver(),
                                {.path = dir.file("analysis.h5"), .overwrite = true});
}

inline std::size_t argmax(const std::vector<double>& v) {
  return static_cast<std::size_t>(std::max_element(v.begin(), v.end()) - v.begin());
}

/// Time averages of one replicate of an evolution run, over its recorded generations (every
/// [record] interval-th generation, which samples the trajectory without bias).
struct ReplicateAverages {
  std::vector<double> frequency;    // mean of counts / Z, per strategy
  std::vector<double> monomorphic;  // fraction of records with the whole population on s
};

inline std::vector<ReplicateAverages> replicate_averages(const std::string& path,
                                                         std::size_t replicates,
                                                         std::size_t strategies) {
  std::vector<ReplicateAverages> out;
  for (std::size_t r = 0; r < replicates; ++r) {
    std::string digits = std::to_string(r);  // groups are rNNNN (docs/FORMAT.md)
    digits.insert(0, digits.size() < 4 ? 4 - digits.size() : 0, '0');
    const auto counts = record::read_numbers(path, "/replicates/r" + digits + "/counts");
    const std::size_t records = counts.size() / strategies;
    ReplicateAverages a{std::vector<double>(strategies, 0.0), std::vector<double>(strategies, 0.0)};
    for (std::size_t t = 0; t < records; ++t) {
      const double* row = counts.data() + t * strategies;
      const double z = std::accumulate(row, row + strategies, 0.0);
      for (std::size_t s = 0; s < strategies; ++s) {
        a.frequency[s] += row[s] / z / static_cast<double>(records);
        if (row[s] == z) a.monomorphic[s] += 1.0 / static_cast<double>(records);
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

struct MeanAndError {
  double mean;
  double standard_error;  // of the mean, from the spread of the independent batches
};

/// Batch means: independent replicates are the batches, so their spread measures the
/// Monte-Carlo error of the pooled mean without modelling the autocorrelation inside a run.
inline MeanAndError batch_mean(const std::vector<double>& batches) {
  const double n = static_cast<double>(batches.size());
  const double mean = std::accumulate(batches.begin(), batches.end(), 0.0) / n;
  double squares = 0;
  for (double x : batches) squares += (x - mean) * (x - mean);
  return {mean, std::sqrt(squares / (n - 1) / n)};
}

}  // namespace kindest::experiments
