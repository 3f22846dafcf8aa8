#pragma once
// The analysis job: the exact small-mutation limit (Fudenberg & Imhof 2006) of the population
// game the config describes -- fixation probabilities between all strategies, the transition
// matrix among monomorphic states and its stationary distribution -- written to /analysis.
//
// With [payoffs] source = reputation the payoffs are not a matrix: every composition of every
// pair of strategies plays the reputation game (engine/jobs/reputation_payoffs.hpp, Hilbe et al.
// 2018's method), and the same fixation and stationary computations run on those payoffs.
#include <optional>

#include "engine/analytic/stationary_distribution.hpp"
#include "engine/config/config.hpp"
#include "engine/jobs/population_game.hpp"
#include "engine/jobs/reputation_payoffs.hpp"

namespace kindest::jobs {

struct AnalysisOutcome {
  PopulationGame game;  // for source = reputation: the strategy names, NaN matrices
  analytic::SmallMutationLimit limit;
  std::optional<ReputationPayoffs> reputation;  // set for [payoffs] source = reputation
};

const JobSpec& analysis_job();

/// `progress` counts the reputation games of [payoffs] source = reputation (none otherwise).
AnalysisOutcome run_analysis_job(const config::Config& config, const PlayerResolver& resolve,
                                 const OutputOptions& output,
                                 const GenerationProgress& progress = {});

/// The stationary distribution (with the cooperation it implies, where the game has moves) and,
/// printed only, the fixation probabilities for up to 12 strategies.
Summary analysis_summary(const AnalysisOutcome& outcome);

}  // namespace kindest::jobs
