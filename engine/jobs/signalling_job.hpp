#pragma once
// The signalling job: config -> costly signalling by a public-good contribution among
// signaller/observer strategies (engine/games/costly_signalling.hpp; Gintis, Smith & Bowles
// 2001) -> the exact payoff matrix and the separating equilibrium's conditions (closed form) ->
// the replicator dynamics (engine/dynamics/replicator.hpp) from the pooling population with
// every other strategy rare, to its rest point; and the finite-population view: the
// small-mutation limit of a population of [population] size under [dynamics] process and
// selection_intensity (engine/analytic/stationary_distribution.hpp, the analysis job's chain on
// this matrix) -> /signalling in HDF5 (docs/FORMAT.md).
//
// The start: nobody signals and observers do their best given no information: ally with
// everyone if q h + (1 - q) l > 0 (Never/Always), else only with a signaller (Never/Discerning);
// every other strategy starts at [signalling] rare_frequency. The replicator runs to a rest
// point; a strategy that died out on the way but would now earn more than the mean comes back at
// rare_frequency (mutants keep arising at rarity), until the rest point is saturated (a Nash
// equilibrium of the matrix; at most 100 re-seedings). From there honest signalling
// (Honest/Discerning) takes over iff the four separating margins are > 0 and q h + (1 - q) l <= 0
// (signalled_takeover_predicted; checked on both sides of each threshold by
// tests/experiments/test_gintis_2001_signalling.cpp). When allying blind pays, observers ally
// with everyone and a signal buys nothing, so honest signalling cannot invade.
//
// The small-mutation limit is the long run with rare mutation, not the path from the pooling
// start: there Honest/Discerning holds most of the time when it is strict by enough for the
// population size and selection strength; the blind-alliance condition, which decides the path
// from the pooling start, does not decide the long run (the experiment's l = -0.9: > 0.99 of
// the time at Honest/Discerning; tests/experiments/test_gintis_2001_signalling.cpp). In a finite
// population an honest mutant among silent Discerning residents also hands each resident observer
// the public good and an ally of high quality, so with pairwise comparison and no self-interaction
// it is favoured (rho > 1/Z) iff (a - c_H)(Z - 1) > b + h, not merely a > c_H (the 2-strategy
// closed form, tests/jobs/test_signalling_job.cpp).
//
// Why a job of its own: the strategies are pairs of rules of a signalling game, not library
// strategies of a C/D game; once the matrix is there the dynamics are the replicator job's.
// Nothing is random (no stream is drawn); the fixation probabilities are computed in parallel
// and do not depend on the thread count, so neither does the file. Not resumable: it runs in
// milliseconds.
#include <cstdint>
#include <vector>

#include "engine/analytic/stationary_distribution.hpp"
#include "engine/config/config.hpp"
#include "engine/dynamics/replicator.hpp"
#include "engine/games/costly_signalling.hpp"
#include "engine/jobs/job.hpp"

namespace kindest::jobs {

struct SignallingSettings {
  games::SignallingGame game;
  std::vector<games::SignallingStrategy> strategies;  // every signaller rule x every observer rule
  double rare_frequency = 0;            // start of each strategy other than the resident
  std::size_t population_size = 0;      // Z of the small-mutation limit ([population] size)
  analytic::FixationSettings fixation;  // [dynamics] process, selection_intensity, ...
  std::uint64_t seed = 0;               // recorded in the file; nothing draws from it
};

struct SignallingOutcome {
  SignallingSettings settings;
  games::PayoffMatrix payoffs;
  games::SeparatingConditions conditions;
  std::size_t resident = 0;  // the pooling population the run starts from
  std::size_t honest = 0;    // Honest/Discerning
  std::vector<double> initial;
  dynamics::RestPoint rest;            // the last rest point reached
  double time = 0;                     // replicator time to it, over every re-seeding
  std::size_t reseeds = 0;             // times rare invaders of a rest point were brought back
  bool saturated = false;              // converged, and no strategy earns more than the mean there
  analytic::SmallMutationLimit limit;  // finite population, rare mutation
  /// Honest/Discerning takes over from the start: the separating margins > 0 and allying blind
  /// does not pay (q h + (1 - q) l <= 0).
  bool takeover_predicted() const;
  /// Signals sent per encounter at the rest point.
  double signal_rate() const;
};

const JobSpec& signalling_job();

/// [signalling], [population] size, [dynamics] (the fixation settings) and [run] seed read once;
/// ConfigError names a bad key.
SignallingSettings signalling_settings(const config::Config& config);

/// Runs the job and writes `output.path` (unless output.discard).
SignallingOutcome run_signalling_job(const config::Config& config, const OutputOptions& output);

/// The conditions (margins, whether each holds), per strategy its start, rest-point frequency,
/// small-mutation share and payoff against itself, and the population's outcome against the
/// prediction.
Summary signalling_summary(const SignallingOutcome& outcome);

}  // namespace kindest::jobs
