#pragma once
// The evolution job on a graph ([structure] graph other than well_mixed): one individual per
// node plays the [payoffs] matrix game with its neighbours and updates by the [structure]
// update rule (engine/structure/graph_population.hpp). One generation g >= 1 of replicate r:
//
//   Stages 2-4  fitness, update, mutate: N asynchronous events, or one synchronous
//               imitate-the-best step with mutation per node, all from the stream
//               (seed, population, r, g) as the count-based processes draw theirs;
//   Stage 5     record: counts, mean payoff per strategy over its nodes, and -- where the game
//               has moves (sources exact, tournament) -- the cooperation rate over the graph's
//               directed edges (who plays whom); and after each [structure] snapshots
//               generation (0 included: the initial placement), every node's strategy.
//
// The graph of a random family is drawn once per replicate from graph_stream(seed, r, 0) and
// the initial placement (initial_counts, shuffled) from graph_stream(seed, r, 1); lattices,
// rings and edge lists are the same for every replicate. A checkpoint holds the strategy of
// every node; the graph is rebuilt from its stream, and payoffs are a function of the
// strategies, so a resumed run continues to the same bits.
#include <atomic>
#include <cstdint>
#include <vector>

#include "engine/config/config.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/job.hpp"
#include "engine/structure/graph.hpp"

namespace kindest::jobs {

/// run_evolution_job for [structure] graph != well_mixed (it dispatches here).
EvolutionOutcome run_graph_evolution(const config::Config& config, const PlayerResolver& resolve,
                                     const OutputOptions& output,
                                     const GenerationProgress& progress,
                                     const std::atomic<bool>* stop);

/// [structure] snapshots as generations (empty for none), increasing, each in [0, [dynamics]
/// generations]. Throws ConfigError naming the key, the value and the allowed values.
std::vector<std::uint64_t> snapshot_generations(const config::Config& config);

/// The graph [structure] describes for replicate `replicate` (random families differ by
/// replicate). Throws ConfigError naming the key.
structure::Graph graph_from_config(const config::Config& config, std::uint64_t replicate);

}  // namespace kindest::jobs
