#pragma once
// A population on a graph (network reciprocity): node v holds one individual of strategy
// strategy(v), plays a matrix game with each neighbour (and itself, with self-interaction), and
// updates by one of the rules the literature uses (Nowak & May 1992; Ohtsuki, Hauert,
// Lieberman & Nowak 2006; Santos & Pacheco 2005; Szabo & Toke 1998):
//
//   death_birth         a uniformly random node dies; its neighbours compete for the gap with
//                       probability proportional to fitness
//   birth_death         a node is chosen to reproduce with probability proportional to fitness
//                       among all nodes; its offspring replaces a uniformly random neighbour
//   pairwise_imitation  a uniformly random node picks a uniformly random neighbour and adopts
//                       its strategy by the Fermi rule (dynamics::fermi_adopts)
//   imitate_best        synchronous: every node at once takes the strategy of the highest
//                       payoff in its neighbourhood, itself included (Nowak & May); no draws
//   proportional_imitation
//                       synchronous: every node x at once picks a uniformly random neighbour y
//                       and, if P_y > P_x, adopts y's strategy with probability
//                       (P_y - P_x) / (D k_>), D the spread of the payoff matrix (max - min
//                       entry; T - S in a prisoner's dilemma) and k_> the larger of the two
//                       nodes' interaction counts (1 for averaged payoffs): Santos & Pacheco
//                       (2005)'s finite-population analogue of the replicator dynamics. The
//                       ratio is capped at 1 (it can exceed 1 only when every entry is > 0).
//
// Death-birth and birth-death make viscous populations (offspring stay next to their parents,
// issue 12's kin item): neutral death-birth on a ring relates neighbours exactly as the voter
// model with noise, relatedness lambda = (1 - sqrt(1 - a^2)) / a, a = 1 - 2 mu, at distance 1
// (tests/structure/test_graph_population.cpp).
//
// On the complete graph with averaged payoffs the three asynchronous rules are exactly the
// well-mixed moran_death_birth, moran_birth_death and pairwise_comparison of
// engine/analytic/fixation_probabilities.hpp (same one-step probabilities). Mutation: with
// probability mu the new strategy is dynamics::mutant_of the one the rule chose (one of the
// other S - 1, uniformly), drawn as the count-based processes draw it.
//
// State is integer only: each node's strategy and, per node, how many neighbours play each
// strategy. Payoffs are computed from those counts when needed, so they are a function of the
// strategies alone (a resumed run recomputes them to the same bits), and one update changes
// O(degree) counts. Birth-death samples a parent proportionally to fitness from a sum tree whose
// inner nodes are recomputed from their children (never updated by differences), for the same
// reason. With imitate_best, two strategies and a square lattice the synchronous step runs
// LatticeKernel (engine/structure/lattice_kernel.hpp) on a byte grid instead: the same bits,
// without per-node neighbour counts.
#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/dynamics/fitness.hpp"
#include "engine/games/payoff_matrix.hpp"
#include "engine/random/streams.hpp"
#include "engine/structure/graph.hpp"
#include "engine/structure/lattice_kernel.hpp"

namespace kindest::structure {

enum class GraphUpdate {
  death_birth,
  birth_death,
  pairwise_imitation,
  imitate_best,
  proportional_imitation
};

enum class PayoffAggregation {
  accumulated,  // the sum over interactions (Nowak & May; Santos & Pacheco)
  averaged,     // the mean over interactions (Ohtsuki et al. 2006's comparisons with well-mixed)
};

struct GraphDynamicsSettings {
  GraphUpdate rule = GraphUpdate::death_birth;
  PayoffAggregation aggregation = PayoffAggregation::accumulated;
  bool self_interaction = false;
  double selection_intensity = 1;  // w (death-birth, birth-death) or beta (pairwise imitation)
  dynamics::FitnessMapping fitness_mapping = dynamics::FitnessMapping::linear;
  double mutation_rate = 0;  // per update event (asynchronous) or per node and synchronous step
  // imitate_best with 2 strategies on a square lattice runs the byte-grid LatticeKernel (the
  // same choices, bit for bit); false keeps the generic CSR path (tests compare the two).
  bool lattice_kernel = true;
  // Polled inside a generation (engine/core/stop.hpp): a generation of 4e9 nodes takes minutes.
  // When set, generation() throws Interrupted part-way and the population must be discarded.
  const std::atomic<bool>* stop = nullptr;
};

class GraphPopulation {
 public:
  /// Node v plays strategy_of[v] of game.size() strategies. Throws ModelError for a mismatch in
  /// sizes, a strategy out of range, an isolated node (it has no one to play or imitate), a rule
  /// the settings cannot run (linear fitness that can turn non-positive), or probabilities
  /// outside [0, 1].
  GraphPopulation(const Graph& graph, games::PayoffMatrix game, GraphDynamicsSettings settings,
                  std::vector<std::uint32_t> strategy_of);

  const Graph& graph() const noexcept { return *graph_; }
  std::size_t size() const noexcept { return strategy_of_.size(); }
  std::size_t strategies() const noexcept { return game_.size(); }
  std::uint32_t strategy(Node v) const noexcept { return strategy_of_[v]; }
  const std::vector<std::uint32_t>& strategy_of() const noexcept { return strategy_of_; }
  const std::vector<std::uint64_t>& counts() const noexcept { return counts_; }
  /// Whether generation() runs the lattice kernel (see GraphDynamicsSettings::lattice_kernel).
  bool uses_lattice_kernel() const noexcept { return kernel_.has_value(); }
  /// Node v's payoff now: its games with its neighbours (and itself), summed or averaged.
  double payoff(Node v) const noexcept;

  /// One asynchronous update event (death_birth, birth_death or pairwise_imitation).
  void event(Stream& rng);
  /// N asynchronous events, or one synchronous step (imitate_best, proportional_imitation; then
  /// with mutation per node from `rng` in node order). `rng` is the generation's stream.
  void generation(Stream& rng);

 private:
  void set_strategy(Node v, std::uint32_t s);
  // The payoff of a node of strategy `mine` with n[t] neighbours of strategy t, `degree` in all.
  double payoff_from(std::uint32_t mine, const std::uint32_t* n, std::size_t degree) const noexcept;
  void lattice_generation(Stream& rng);
  double fitness_of(Node v) const noexcept;
  void refresh_tree(Node v);
  std::uint32_t mutated(std::uint32_t s, Stream& rng) const;

  const Graph* graph_;
  games::PayoffMatrix game_;
  GraphDynamicsSettings settings_;
  std::vector<std::uint32_t> strategy_of_;
  std::vector<std::uint64_t> counts_;        // per strategy
  std::vector<std::uint32_t> neighbour_of_;  // [v * S + s]: neighbours of v playing s; not kept
                                             // with the lattice kernel (payoff() counts them)
  std::optional<LatticeKernel> kernel_;
  std::vector<std::uint8_t> cells_, next_;  // lattice kernel: strategy_of_ as bytes, the choices
  std::vector<double> tree_;     // birth-death only: fitness sums, leaves at [leaves_ + v]
  std::vector<double> weights_;  // death-birth: fitness of the dead node's neighbours
  double spread_ = 0;            // max - min payoff entry (proportional_imitation's D)
  std::size_t leaves_ = 0;
};

}  // namespace kindest::structure
