#include "engine/structure/graph_population.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <bit>
#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/stop.hpp"
#include "engine/dynamics/mutation.hpp"
#include "engine/dynamics/pairwise_comparison.hpp"

namespace kindest::structure {

namespace {

constexpr const char* kModel = "graph population";

bool is_probability(double p) { return p >= 0.0 && p <= 1.0; }

}  // namespace

GraphPopulation::GraphPopulation(const Graph& graph, games::PayoffMatrix game,
                                 GraphDynamicsSettings settings,
                                 std::vector<std::uint32_t> strategy_of)
    : graph_(&graph),
      game_(std::move(game)),
      settings_(settings),
      strategy_of_(std::move(strategy_of)) {
  const std::size_t n = graph.nodes(), s = game_.size();
  if (s < 1) throw ModelError(kModel, "strategies", "0", "must be at least 1");
  if (strategy_of_.size() != n)
    throw ModelError(kModel, "strategies of nodes", std::to_string(strategy_of_.size()),
                     "must be one per node (" + std::to_string(n) + ")");
  if (n < 2) throw ModelError(kModel, "nodes", std::to_string(n), "must be at least 2");
  if (graph.min_degree() == 0)
    throw ModelError(kModel, "graph", "",
                     "has a node without neighbours: it could neither play nor be replaced");
  // Without mutation nothing crosses between components: no strategy could ever fix, and a
  // fixation count would silently read as "lost".
  if (settings_.mutation_rate == 0)
    if (const auto k = graph.components(); k > 1)
      throw ModelError(kModel, "graph", "",
                       "has " + std::to_string(k) +
                           " components; with mutation rate 0 it must be connected (no strategy "
                           "could reach every component, so none could fix): link them or set "
                           "a mutation rate > 0");
  if (!is_probability(settings_.mutation_rate))
    throw ModelError(kModel, "mutation rate", number_text(settings_.mutation_rate),
                     "must be in [0, 1]");
  if (!(settings_.selection_intensity >= 0.0) || !std::isfinite(settings_.selection_intensity))
    throw ModelError(kModel, "selection intensity", number_text(settings_.selection_intensity),
                     "must be finite and >= 0");
  const bool proportional =
      settings_.rule == GraphUpdate::death_birth || settings_.rule == GraphUpdate::birth_death;
  if (proportional && settings_.fitness_mapping == dynamics::FitnessMapping::linear) {
    const auto& entries = game_.row_major();
    const double low = *std::min_element(entries.begin(), entries.end());
    const double self = settings_.self_interaction ? 1.0 : 0.0;
    double lowest = low;
    if (settings_.aggregation == PayoffAggregation::accumulated)
      lowest =
          low * (low < 0 ? double(graph.max_degree()) + self : double(graph.min_degree()) + self);
    if (!(dynamics::fitness(lowest, settings_.selection_intensity, settings_.fitness_mapping) > 0))
      throw ModelError(kModel, "selection intensity", number_text(settings_.selection_intensity),
                       "makes linear fitness 1 - w + w*pi non-positive for the lowest payoff " +
                           number_text(lowest) + " (use a smaller w or exponential fitness)");
  }
  {
    const auto& entries = game_.row_major();
    const auto [lo, hi] = std::minmax_element(entries.begin(), entries.end());
    spread_ = *hi - *lo;
  }
  counts_.assign(s, 0);
  for (Node v = 0; v < n; ++v) {
    if (strategy_of_[v] >= s)
      throw ModelError(kModel, "strategy of node " + std::to_string(v),
                       std::to_string(strategy_of_[v]), "must be < " + std::to_string(s));
    ++counts_[strategy_of_[v]];
  }
  if (settings_.rule == GraphUpdate::imitate_best && s == 2 && settings_.lattice_kernel)
    kernel_ =
        LatticeKernel::detect(graph, [&](std::uint32_t mine, std::size_t k, std::size_t ones) {
          const std::uint32_t count[2] = {static_cast<std::uint32_t>(k - ones),
                                          static_cast<std::uint32_t>(ones)};
          return payoff_from(mine, count, k);
        });
  if (kernel_) {
    cells_.assign(strategy_of_.begin(), strategy_of_.end());
    return;
  }
  neighbour_of_.assign(n * s, 0);
  for (Node v = 0; v < n; ++v)
    for (Node w : graph.neighbours(v)) ++neighbour_of_[std::size_t{v} * s + strategy_of_[w]];
  if (settings_.rule == GraphUpdate::birth_death) {
    leaves_ = std::bit_ceil(n);
    tree_.assign(2 * leaves_, 0.0);
    for (Node v = 0; v < n; ++v) tree_[leaves_ + v] = fitness_of(v);
    for (std::size_t i = leaves_ - 1; i >= 1; --i) tree_[i] = tree_[2 * i] + tree_[2 * i + 1];
  }
}

double GraphPopulation::payoff_from(std::uint32_t mine, const std::uint32_t* n,
                                    std::size_t degree) const noexcept {
  double total = settings_.self_interaction ? game_(mine, mine) : 0.0;
  for (std::size_t t = 0; t < game_.size(); ++t) total += double(n[t]) * game_(mine, t);
  if (settings_.aggregation == PayoffAggregation::accumulated) return total;
  return total / (double(degree) + (settings_.self_interaction ? 1.0 : 0.0));
}

double GraphPopulation::payoff(Node v) const noexcept {
  if (kernel_) {  // two strategies, no kept counts
    std::uint32_t n[2] = {0, 0};
    for (Node w : graph_->neighbours(v)) ++n[strategy_of_[w]];
    return payoff_from(strategy_of_[v], n, graph_->degree(v));
  }
  return payoff_from(strategy_of_[v], neighbour_of_.data() + std::size_t{v} * game_.size(),
                     graph_->degree(v));
}

double GraphPopulation::fitness_of(Node v) const noexcept {
  return dynamics::fitness(payoff(v), settings_.selection_intensity, settings_.fitness_mapping);
}

void GraphPopulation::refresh_tree(Node v) {
  std::size_t i = leaves_ + v;
  tree_[i] = fitness_of(v);
  for (i /= 2; i >= 1; i /= 2) tree_[i] = tree_[2 * i] + tree_[2 * i + 1];
}

void GraphPopulation::set_strategy(Node v, std::uint32_t s) {
  const std::uint32_t old = strategy_of_[v];
  if (old == s) return;
  const std::size_t S = game_.size();
  --counts_[old];
  ++counts_[s];
  strategy_of_[v] = s;
  if (kernel_) {
    cells_[v] = static_cast<std::uint8_t>(s);
    return;
  }
  for (Node w : graph_->neighbours(v)) {
    --neighbour_of_[std::size_t{w} * S + old];
    ++neighbour_of_[std::size_t{w} * S + s];
  }
  if (!tree_.empty()) {
    refresh_tree(v);
    for (Node w : graph_->neighbours(v)) refresh_tree(w);
  }
}

std::uint32_t GraphPopulation::mutated(std::uint32_t s, Stream& rng) const {
  if (game_.size() > 1 && settings_.mutation_rate > 0 && rng.bernoulli(settings_.mutation_rate))
    return dynamics::mutant_of(s, game_.size(), rng);
  return s;
}

void GraphPopulation::event(Stream& rng) {
  const std::size_t n = size();
  switch (settings_.rule) {
    case GraphUpdate::death_birth: {
      const auto dead = static_cast<Node>(rng.below(n));
      const auto nb = graph_->neighbours(dead);
      // Each neighbour's fitness once: the sum and the walk read the same values.
      weights_.resize(nb.size());
      double total = 0;
      for (std::size_t k = 0; k < nb.size(); ++k) total += weights_[k] = fitness_of(nb[k]);
      double r = rng.uniform() * total;
      Node parent = nb.back();  // where rounding leaves r past the last sum
      for (std::size_t k = 0; k < nb.size(); ++k) {
        if (r < weights_[k]) {
          parent = nb[k];
          break;
        }
        r -= weights_[k];
      }
      set_strategy(dead, mutated(strategy_of_[parent], rng));
      return;
    }
    case GraphUpdate::birth_death: {
      double r = rng.uniform() * tree_[1];
      std::size_t i = 1;
      while (i < leaves_) {
        // An empty right subtree (padding leaves) is never entered, whatever the rounding.
        if (r < tree_[2 * i] || tree_[2 * i + 1] <= 0.0) {
          i = 2 * i;
        } else {
          r -= tree_[2 * i];
          i = 2 * i + 1;
        }
      }
      const auto parent = static_cast<Node>(i - leaves_);
      const auto nb = graph_->neighbours(parent);
      const Node child = nb[rng.below(nb.size())];
      set_strategy(child, mutated(strategy_of_[parent], rng));
      return;
    }
    case GraphUpdate::pairwise_imitation: {
      const auto focal = static_cast<Node>(rng.below(n));
      // Exploration replaces imitation with probability mu, as in dynamics::PairwiseComparison.
      if (game_.size() > 1 && settings_.mutation_rate > 0 &&
          rng.bernoulli(settings_.mutation_rate)) {
        set_strategy(focal, dynamics::mutant_of(strategy_of_[focal], game_.size(), rng));
        return;
      }
      const auto nb = graph_->neighbours(focal);
      const Node model = nb[rng.below(nb.size())];
      if (strategy_of_[model] == strategy_of_[focal]) return;
      if (dynamics::fermi_adopts(payoff(model) - payoff(focal), settings_.selection_intensity, rng))
        set_strategy(focal, strategy_of_[model]);
      return;
    }
    case GraphUpdate::imitate_best:
      throw ModelError(kModel, "update rule", "imitate_best", "is synchronous: use generation()");
    case GraphUpdate::proportional_imitation:
      throw ModelError(kModel, "update rule", "proportional_imitation",
                       "is synchronous: use generation()");
  }
}

void GraphPopulation::generation(Stream& rng) {
  const std::size_t n = size();
  if (settings_.rule != GraphUpdate::imitate_best &&
      settings_.rule != GraphUpdate::proportional_imitation) {
    for (std::size_t e = 0; e < n; ++e) {
      poll_stop(settings_.stop, e);
      event(rng);
    }
    return;
  }
  if (kernel_) {
    lattice_generation(rng);
    return;
  }
  // Synchronous: every payoff from the old strategies, then every choice from those payoffs.
  // Each node's result depends only on its index, so the parallel loops give the same bits for
  // any thread count.
  std::vector<double> pay(n);
  std::vector<std::uint32_t> next(n);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 4096), [&](const auto& range) {
    for (std::size_t v = range.begin(); v < range.end(); ++v) pay[v] = payoff(static_cast<Node>(v));
  });
  if (settings_.rule == GraphUpdate::proportional_imitation) {
    // The draws in node order from the one stream: a neighbour per node, then a uniform only
    // where the neighbour earned more. Serial, so the bits do not depend on the thread count.
    const bool accumulated = settings_.aggregation == PayoffAggregation::accumulated;
    const std::size_t self = settings_.self_interaction ? 1 : 0;
    for (std::size_t v = 0; v < n; ++v) {
      poll_stop(settings_.stop, v);
      const auto nb = graph_->neighbours(static_cast<Node>(v));
      const Node y = nb[rng.below(nb.size())];
      next[v] = strategy_of_[v];
      if (!(pay[y] > pay[v])) continue;
      const double k =
          accumulated ? double(std::max(nb.size(), std::size_t{graph_->degree(y)}) + self) : 1.0;
      if (rng.uniform() * spread_ * k < pay[y] - pay[v]) next[v] = strategy_of_[y];
    }
  } else {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 4096), [&](const auto& range) {
      for (std::size_t v = range.begin(); v < range.end(); ++v) {
        // Ties keep the node's own strategy, then the first best neighbour in id order.
        double best = pay[v];
        std::uint32_t choice = strategy_of_[v];
        for (Node w : graph_->neighbours(static_cast<Node>(v)))
          if (pay[w] > best) {
            best = pay[w];
            choice = strategy_of_[w];
          }
        next[v] = choice;
      }
    });
  }
  for (std::size_t v = 0; v < n; ++v) set_strategy(static_cast<Node>(v), mutated(next[v], rng));
}

void GraphPopulation::lattice_generation(Stream& rng) {
  kernel_->choose(cells_, next_);
  const std::size_t n = size();
  if (settings_.mutation_rate > 0) {  // the draws in node order, as the generic path makes them
    for (std::size_t v = 0; v < n; ++v) set_strategy(static_cast<Node>(v), mutated(next_[v], rng));
    return;
  }
  // Without mutation the choices are the new strategies; the count of 1s is a sum of integers,
  // the same in any order.
  const std::size_t ones = tbb::parallel_reduce(
      tbb::blocked_range<std::size_t>(0, n, 1 << 16), std::size_t{0},
      [&](const auto& range, std::size_t sum) {
        for (std::size_t v = range.begin(); v < range.end(); ++v) {
          strategy_of_[v] = next_[v];
          sum += next_[v];
        }
        return sum;
      },
      [](std::size_t a, std::size_t b) { return a + b; });
  cells_.swap(next_);
  counts_[0] = n - ones;
  counts_[1] = ones;
}

}  // namespace kindest::structure
