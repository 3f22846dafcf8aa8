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
// reason.
#include <cstdint>
#include <vector>

#include "engine/dynamics/fitness.hpp"
#include "engine/games/payoff_matrix.hpp"
#include "engine/random/streams.hpp"
#include "engine/structure/graph.hpp"

namespace kindest::structure {

enum class GraphUpdate { death_birth, birth_death, pairwise_imitation, imitate_best };

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
  double mutation_rate = 0;  // per update event (asynchronous) or per node and step (imitate_best)
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
  /// Node v's payoff now: its games with its neighbours (and itself), summed or averaged.
  double payoff(Node v) const noexcept;

  /// One asynchronous update event (death_birth, birth_death or pairwise_imitation).
  void event(Stream& rng);
  /// N asynchronous events, or one synchronous imitate_best step (then with mutation per node
  /// from `rng` in node order). `rng` is the generation's stream.
  void generation(Stream& rng);

 private:
  void set_strategy(Node v, std::uint32_t s);
  double fitness_of(Node v) const noexcept;
  void refresh_tree(Node v);
  std::uint32_t mutated(std::uint32_t s, Stream& rng) const;

  const Graph* graph_;
  games::PayoffMatrix game_;
  GraphDynamicsSettings settings_;
  std::vector<std::uint32_t> strategy_of_;
  std::vector<std::uint64_t> counts_;        // per strategy
  std::vector<std::uint32_t> neighbour_of_;  // [v * S + s]: neighbours of v playing s
  std::vector<double> tree_;     // birth-death only: fitness sums, leaves at [leaves_ + v]
  std::vector<double> weights_;  // death-birth: fitness of the dead node's neighbours
  std::size_t leaves_ = 0;
};

}  // namespace kindest::structure
