#pragma once
// The stakes job: config -> the continuous-investment game among investment strategies
// (engine/games/continuous_investment.hpp; Roberts & Sherratt 1998, Wahl & Nowak 1999) -> the
// matrix of expected payoffs per round (exact: the strategies are deterministic, so a match's
// expected payoff is a discounted series summed to rounding) -> the small-mutation limit among
// the strategies through the payoff-matrix path every matrix game takes (fixation probabilities
// under [dynamics] process, stationary distribution; engine/analytic/) -> /stakes in HDF5
// (docs/FORMAT.md).
//
// Why a job of its own: the strategies are not library strategies of a C/D game (they choose an
// amount), so neither the tournament nor the memory-one paths can play them; once the matrix is
// there, everything downstream is the analysis job's code. Nothing is random: no stream is
// drawn, and the file is the same for any thread count. Simulated matches check the series in
// tests/games/test_continuous_investment.cpp. Not resumable: it runs in milliseconds.
#include <cstdint>
#include <vector>

#include "engine/analytic/fixation_probabilities.hpp"
#include "engine/analytic/stationary_distribution.hpp"
#include "engine/config/config.hpp"
#include "engine/games/continuous_investment.hpp"
#include "engine/jobs/job.hpp"

namespace kindest::jobs {

struct StakesSettings {
  games::InvestmentGame game;
  std::vector<games::InvestmentStrategy> strategies;
  std::uint64_t population_size = 0;  // N >= 2
  analytic::FixationSettings fixation;
  std::uint64_t seed = 0;  // recorded in the file; nothing draws from it
};

struct StakesOutcome {
  StakesSettings settings;
  games::PayoffMatrix payoffs;  // per round, [row strategy][column strategy]
  analytic::SmallMutationLimit limit;
};

const JobSpec& stakes_job();

/// [stakes], [game], [match], [population] and [dynamics] read once; ConfigError names a bad
/// key.
StakesSettings stakes_settings(const config::Config& config);

/// Runs the job and writes `output.path` (unless output.discard).
StakesOutcome run_stakes_job(const config::Config& config, const OutputOptions& output);

/// Per strategy: its first investment, its stationary probability, its payoff against itself
/// and the fixation probability of one of it among N - 1 of the first strategy listed (the
/// resident, e.g. NonInvestor) beside 1/N; printed only, the fixation probabilities and the
/// payoff matrix for up to 12 strategies.
Summary stakes_summary(const StakesOutcome& outcome);

}  // namespace kindest::jobs
