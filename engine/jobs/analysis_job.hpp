#pragma once
// The analysis job: the exact small-mutation limit (Fudenberg & Imhof 2006) of the population
// game the config describes -- fixation probabilities between all strategies, the transition
// matrix among monomorphic states and its stationary distribution -- written to /analysis.
#include "engine/analytic/stationary_distribution.hpp"
#include "engine/config/config.hpp"
#include "engine/jobs/population_game.hpp"

namespace kindest::jobs {

struct AnalysisOutcome {
  PopulationGame game;
  analytic::SmallMutationLimit limit;
};

const JobSpec& analysis_job();

AnalysisOutcome run_analysis_job(const config::Config& config, const PlayerResolver& resolve,
                                 const OutputOptions& output);

/// The stationary distribution (with the cooperation it implies, where the game has moves) and,
/// printed only, the fixation probabilities for up to 12 strategies.
Summary analysis_summary(const AnalysisOutcome& outcome);

}  // namespace kindest::jobs
