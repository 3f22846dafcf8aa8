#pragma once
// The stages of one generation of a finite-population process, in order (SLiM-style). The
// numbers are documentation: docs/CYCLE.md describes each stage, and the banners in
// engine/dynamics/*.cpp and engine/jobs/evolution_job.cpp name them ("// Stage 2: fitness").
// The replicator and ecological dynamics have no stages; mutant_invasion.hpp uses stages 2-5.

namespace kindest::dynamics {

enum class Stage {
  play = 0,  // every individual's payoff from its games or matches against the current population
  assess,    // observers update reputations (indirect reciprocity; not used yet)
  fitness,   // payoff -> fitness (e.g. 1 - w + w pi, exp(w pi)); identity for imitation rules
  update,    // birth-death, death-birth or pairwise-comparison imitation changes strategies
  mutate,    // offspring or updating individuals take another strategy with the mutation rate
  record,    // the recorder receives a GenerationRecord of the generation's end state
};

}  // namespace kindest::dynamics
