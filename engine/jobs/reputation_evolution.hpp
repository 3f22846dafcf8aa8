#pragma once
// The evolution job with [payoffs] source = reputation: individuals play the reputation game
// (engine/reputation) every generation, and its realised payoffs drive the configured
// finite-population process (engine/population/process.hpp). One generation g >= 1, in the
// stages of docs/CYCLE.md:
//
//   Stages 2-4  fitness, update, mutate: the process runs on the individuals with the payoffs
//               realised in generation g - 1's game (stream (seed, population, r, g), as the
//               count-based processes draw theirs): each individual's total per round, or with
//               [reputation] payoff_per_partner that total over its N - 1 partners (all_pairs);
//               with [groups] update_within the process runs inside each group instead (its
//               members a population of their own, as many events as members, groups in turn);
//   Groups      then, with [groups] evolve_norms, the groups' norms compete and mutate on the
//               same game's mean payoffs per member (engine/reputation/group_norms.hpp; stream
//               (seed, group_norms, r, g)), and with [groups] migration_rate individuals move
//               to other groups keeping their strategies (reputation::migrate; stream (seed,
//               migration, r, g)); a game whose norms or groups changed is rebuilt with them,
//               its views and round carried over;
//   Stage 0-1   play, assess: the new population plays [reputation] rounds_per_generation
//               rounds of the reputation game (rounds g m .. g m + m - 1 of replicate r's game
//               streams); views and image scores carry over from the previous generation --
//               an individual that changed strategy keeps its reputation and, under private
//               assessment, its views of others -- unless [reputation] reset_each_generation,
//               which starts every generation's game from initial_reputation (Nowak & Sigmund
//               1998's offspring start with score 0; `random` then draws the same initial
//               views every generation, from the game's initial stream);
//   Stage 5     record: counts, the game's realised mean payoff per round by strategy, its
//               cooperation rate (fraction of donor actions that were C), by donor strategy,
//               and the good-reputation share (good_fraction); per group its size, its
//               members' cooperation rate and mean payoff, and with evolve_norms its norm.
// Generation 0 is the initial population playing rounds 0 .. m - 1, so every record describes
// the game its population played. Because a checkpoint after generation g holds the
// individuals' strategies and groups, their realised payoffs, the game's views and the groups'
// norms (the game's round
// counter is (g + 1) m), a resumed run continues to the same bits; the checkpoint of generation
// 0 holds only the initial counts, and a run resumed from it replays generation 0.
#include <atomic>

#include "engine/config/config.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/job.hpp"

namespace kindest::jobs {

/// run_evolution_job for [payoffs] source = reputation (it dispatches here).
EvolutionOutcome run_reputation_evolution(const config::Config& config, const OutputOptions& output,
                                          const GenerationProgress& progress,
                                          const std::atomic<bool>* stop);

}  // namespace kindest::jobs
