#pragma once
// One generation of a finite-population process on individuals whose payoffs were realised in
// a game they played (the reputation game), not computed from the counts. The rules are the
// count-based processes' (engine/dynamics): the same events per generation -- Z update events
// for pairwise comparison and both Moran processes (each individual updates once on average),
// Z offspring drawn at once for Wright-Fisher --, the same Fermi rule (dynamics::fermi_adopts,
// through pairwise_comparison_event), the same payoff -> fitness map (dynamics::fitness), the
// same weighted choice (dynamics::pick_weighted) and the same mutation
// (dynamics::ProcessSettings::mutant_of). What differs is only the bookkeeping: individuals
// instead of counts, and payoffs per individual.
//
// Payoffs are fixed for the generation (the game is played once, before it). An individual that
// takes another's strategy during the generation also takes that individual's realised payoff
// -- the model it imitated, the parent whose offspring replaced it -- because it has not played
// yet and its own payoff was earned by the strategy it no longer has; a pairwise-comparison
// explorer (a mutant) keeps its own. A later event in the same generation therefore sees the
// replacement with its parent's payoff, as the count-based processes see it with its
// strategy's. Wright-Fisher offspring likewise carry their parents' payoffs.
//
// Linear fitness 1 - w + w pi can be negative for a realised payoff (a donor that paid often
// and received little); such an individual gets fitness 0: it has no offspring. When every
// individual has fitness 0, the parent is uniformly random. (The count-based processes refuse
// such settings up front, from the payoff matrix's range; realised payoffs have no such range.)
//
// Draws: only from `rng`, in event order, so one generation is a function of (individuals,
// payoffs, stream).
#include <cstdint>
#include <vector>

#include "engine/dynamics/process.hpp"
#include "engine/population/individuals.hpp"
#include "engine/random/streams.hpp"

namespace kindest::population {

/// Runs one generation of `settings.kind` (and its mutation) on `population`. `payoff[i]` is
/// individual i's realised payoff; it is updated as described above. `events`: update events
/// of pairwise comparison or Moran in the generation; 0 = Z, as the count-based processes
/// (Radzvilavicius, Stewart & Plotkin 2019 update one individual per generation: 1). Throws
/// std::invalid_argument when payoff has not one entry per individual, or for events != 0 with
/// Wright-Fisher (one synchronous resampling, no events to count).
void run_generation(Individuals& population, std::vector<double>& payoff,
                    const dynamics::ProcessSettings& settings, Stream& rng,
                    std::uint64_t events = 0);

}  // namespace kindest::population
