#pragma once
// The upstream job: config -> chains of help among rules of upstream and direct reciprocity
// (engine/games/upstream_reciprocity.hpp; Nowak & Roch 2007) -> the closed-form payoffs of every
// composition of every pair of rules -> the small-mutation limit among the rules (fixation
// probabilities under [dynamics] process, stationary distribution) and the acts of help per chain
// each rule sustains, checked against `[upstream] chains` simulated chains per monomorphic
// population -> /upstream in HDF5 (docs/FORMAT.md).
//
// Why a job of its own: the payoffs are not a matrix game (a chain's payoffs depend on the whole
// composition, and not linearly), so neither the analysis job's matrix path nor its simulated
// reputation tables fit; the closed form is exact and cheap. Chain i of population s draws only
// from upstream_stream(seed, s, i) (docs/STREAMS.md): the file does not depend on the thread
// count. Not resumable: it runs in seconds.
#include <cstdint>
#include <vector>

#include "engine/analytic/fixation_probabilities.hpp"
#include "engine/analytic/stationary_distribution.hpp"
#include "engine/config/config.hpp"
#include "engine/games/upstream_reciprocity.hpp"
#include "engine/jobs/job.hpp"

namespace kindest::jobs {

struct UpstreamSettings {
  games::ChainGame game;
  std::uint64_t population_size = 0;  // N >= 3
  analytic::FixationSettings fixation;
  std::uint64_t chains = 0;  // simulated per monomorphic population
  std::uint64_t seed = 0;
};

struct UpstreamOutcome {
  UpstreamSettings settings;
  analytic::CompositionPayoffs payoffs;  // closed form, per (resident, mutant, mutants)
  analytic::SmallMutationLimit limit;
  std::vector<double> acts_per_chain;     // monomorphic population of each rule, exact
  std::vector<double> simulated_acts;     // the same from simulated chains; NaN for chains = 0
  std::vector<double> simulated_acts_se;  // its standard error
  /// Acts of help per individual per round in the long run: sum of stationary x acts_per_chain.
  double cooperation() const;
};

const JobSpec& upstream_job();

/// [upstream], [game], [population] and [dynamics] read once; ConfigError names a bad key.
UpstreamSettings upstream_settings(const config::Config& config);

/// Runs the job and writes `output.path` (unless output.discard); `progress` counts simulated
/// populations.
UpstreamOutcome run_upstream_job(const config::Config& config, const OutputOptions& output,
                                 const GenerationProgress& progress = {});

/// Per rule: d, u, stationary probability, acts per chain (exact and simulated) and payoff of
/// its monomorphic population; the long-run acts of help; printed only, the fixation
/// probabilities for up to 12 rules.
Summary upstream_summary(const UpstreamOutcome& outcome);

}  // namespace kindest::jobs
