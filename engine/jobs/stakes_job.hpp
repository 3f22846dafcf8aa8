#pragma once
// The stakes job: config -> the continuous-investment game among investment strategies
// (engine/games/continuous_investment.hpp; Roberts & Sherratt 1998, Wahl & Nowak 1999) -> the
// matrix of expected payoffs per round (exact: the strategies are deterministic, so a match's
// expected payoff is a discounted series summed to rounding) -> the small-mutation limit among
// the strategies through the payoff-matrix path every matrix game takes (fixation probabilities
// under [dynamics] process, stationary distribution; engine/analytic/) -> /stakes in HDF5
// (docs/FORMAT.md).
//
// Evolution in the (a, b) plane ([stakes] strategy_set = rts_grid): the strategies are RTS(a, b)
// at the points of a grid, and the embedded chain of the small-mutation limit moves between
// monomorphic grid points: with [dynamics] mutation = uniform a mutant is any other point (a
// fresh draw), with local one of the neighbouring points, T[p][q] = rho_pq / (neighbours of p).
// Same payoffs, same fixation probabilities; only the kernel of the chain differs
// (analytic::compute_small_mutation_limit with a mutation kernel). /stakes/grid_stationary is
// the stationary distribution laid out over the plane.
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
  // [stakes] strategy_set = rts_grid: the strategies are RTS(a, b) over grid_starts x
  // grid_increments (games::raise_the_stakes_grid), and local_mutation ([dynamics] mutation =
  // local) draws a mutant among the grid neighbours of its parent instead of among all points.
  bool grid = false;
  std::vector<double> grid_starts, grid_increments;
  bool local_mutation = false;
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

/// The mutation kernel of a grid of `starts` x `increments` points (point i * increments + j):
/// entry [p][q] = probability that a mutant arising among p is q. local: uniformly one of p's
/// 2 to 4 neighbours (i +- 1 or j +- 1, no wrap-around); otherwise any other point, 1 / (S - 1).
analytic::Matrix grid_mutation_kernel(std::size_t starts, std::size_t increments, bool local);

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
