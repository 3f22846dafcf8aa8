#include "engine/dynamics/multilevel_moran.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/dynamics/population.hpp"

namespace kindest::dynamics {
namespace {

constexpr const char* kModel = "multilevel selection";

}  // namespace

MultilevelMoran::MultilevelMoran(const MultilevelSettings& settings,
                                 const games::PayoffMatrix& game, std::uint32_t mutant,
                                 std::uint32_t resident)
    : settings_(settings), game_(game), s_(game.size()) {
  const auto& q = settings.split_probability;
  if (settings.groups < 1) throw ModelError(kModel, "groups", "0", "must be at least 1");
  if (settings.max_size < 2)
    throw ModelError(kModel, "max_size", std::to_string(settings.max_size),
                     "must be at least 2 (a group of one plays no game)");
  if (!(q >= 0 && q <= 1))
    throw ModelError(kModel, "split_probability", number_text(q), "must lie in [0, 1]");
  if (q > 0 && settings.groups < 2)
    throw ModelError(kModel, "split_probability", number_text(q),
                     "must be 0 with one group: a split removes another group");
  if (q == 0 && settings.groups > 1)
    throw ModelError(kModel, "split_probability", "0",
                     "must be positive with " + std::to_string(settings.groups) +
                         " groups: groups that never split never compete, and a run never ends");
  if (mutant >= s_ || resident >= s_ || mutant == resident)
    throw ModelError(kModel, "mutant", std::to_string(mutant),
                     "and resident " + std::to_string(resident) +
                         " must be two different strategies of the game's " + std::to_string(s_));
  if (settings.fitness_mapping == FitnessMapping::linear) {
    // Every payoff is an average of entries, so the smallest entry bounds every fitness (and a
    // group of one earns 0).
    double lowest = 0;
    for (double a : game.row_major()) lowest = std::min(lowest, a);
    if (fitness(lowest, settings.selection_intensity, settings.fitness_mapping) <= 0)
      throw ModelError(kModel, "selection_intensity", number_text(settings.selection_intensity),
                       "makes linear fitness 1 - w + w pi non-positive for the payoff " +
                           number_text(lowest) + " (use a smaller w or exponential fitness)");
  }
  const std::size_t m = settings.groups, n = settings.max_size;
  counts_.assign(m * s_, 0);
  sizes_.assign(m, settings.max_size);
  fitness_.assign(m * s_, 0);
  weight_.assign(m, 0);
  settled_.assign(m, 0);
  totals_.assign(s_, 0);
  for (std::size_t g = 0; g < m; ++g) counts_[g * s_ + resident] = settings.max_size;
  --counts_[resident];
  ++counts_[mutant];
  totals_[resident] = m * n - 1;
  totals_[mutant] = 1;
  for (std::size_t g = 0; g < m; ++g) refresh(g);
  scratch_.reserve(n + 1);
}

void MultilevelMoran::refresh(std::size_t g) {
  const std::uint32_t* k = &counts_[g * s_];
  const double others = static_cast<double>(sizes_[g]) - 1;
  double w = 0;
  bool settled = false;  // full and homogeneous
  for (std::size_t s = 0; s < s_; ++s) {
    double pi = 0;
    if (others > 0) {
      for (std::size_t j = 0; j < s_; ++j) pi += k[j] * game_(s, j);
      pi = (pi - game_(s, s)) / others;  // the other members only: no self-interaction
    }
    const double f = fitness(pi, settings_.selection_intensity, settings_.fitness_mapping);
    fitness_[g * s_ + s] = f;
    w += k[s] * f;
    if (k[s] == settings_.max_size) settled = true;
  }
  weight_[g] = w;
  settled_[g] = settled;
}

void MultilevelMoran::add_one(std::size_t g, std::uint32_t s) {
  ++counts_[g * s_ + s];
  ++sizes_[g];
  ++totals_[s];
}

void MultilevelMoran::remove_one(std::size_t g, std::uint32_t s) {
  --counts_[g * s_ + s];
  --sizes_[g];
  --totals_[s];
}

bool MultilevelMoran::absorbed() const noexcept {
  std::size_t present = 0;
  for (auto t : totals_) present += t > 0;
  return present <= 1;
}

void MultilevelMoran::step(Stream& rng) {
  const std::size_t m = sizes_.size();
  const double q = settings_.split_probability;
  // A birth into a full homogeneous ("settled") group changes nothing unless the group splits:
  // the newborn or another member of the one strategy dies. Such births are counted but not
  // drawn one by one: with A the fitness of the other groups and S that of the settled ones, a
  // birth changes the state with probability (A + q S) / (A + S), so the births up to the next
  // change are geometric, and that birth's group is drawn in proportion to its fitness, times q
  // if it is settled (it then splits). The same process, in distribution, as drawing every
  // birth; only the draws differ. Totals are summed afresh, in group order, so that they never
  // drift and never depend on the history of updates.
  double active = 0, settled = 0;
  for (std::size_t g = 0; g < m; ++g) (settled_[g] ? settled : active) += weight_[g];
  const double changing = active + q * settled;
  if (!(changing > 0)) return;  // nothing can change (one settled group and q = 0)
  births_ += static_cast<std::uint64_t>(rng.geometric_length(1 - changing / (active + settled)));
  // Stages 2-3: the parent in proportion to fitness -- its group, then its strategy.
  const auto g = pick_weighted(
      m, [&](std::uint32_t i) { return settled_[i] ? q * weight_[i] : weight_[i]; }, changing,
      rng.uniform());
  const auto parent = pick_weighted(
      s_, [&](std::uint32_t s) { return counts_[g * s_ + s] * fitness_[g * s_ + s]; }, weight_[g],
      rng.uniform());
  add_one(g, parent);
  if (settled_[g]) {
    split(g, rng);
    return;
  }
  if (sizes_[g] > settings_.max_size) {
    if (rng.bernoulli(q)) {
      split(g, rng);
      return;
    }
    // A uniformly random member of the n + 1 dies (the newborn among them).
    std::uint64_t k = rng.below(sizes_[g]);
    std::uint32_t dead = 0;
    while (k >= counts_[g * s_ + dead]) k -= counts_[g * s_ + dead++];
    remove_one(g, dead);
  }
  refresh(g);
}

void MultilevelMoran::split(std::size_t g, Stream& rng) {
  const std::size_t m = sizes_.size();
  // The group to be replaced: uniformly one of the m - 1 others.
  std::size_t other = rng.below(m - 1);
  if (other >= g) ++other;
  // The members of g in strategy order; a partial Fisher-Yates shuffle picks the daughter that
  // moves to `other` as a uniformly random subset of floor((n+1)/2) of them.
  scratch_.clear();
  for (std::uint32_t s = 0; s < s_; ++s) scratch_.insert(scratch_.end(), counts_[g * s_ + s], s);
  const std::size_t moving = scratch_.size() / 2;
  for (std::size_t i = 0; i < moving; ++i)
    std::swap(scratch_[i], scratch_[i + rng.below(scratch_.size() - i)]);
  for (std::uint32_t s = 0; s < s_; ++s) {
    totals_[s] -= counts_[other * s_ + s];
    counts_[other * s_ + s] = 0;
  }
  sizes_[other] = 0;
  for (std::size_t i = 0; i < moving; ++i) {
    remove_one(g, scratch_[i]);
    add_one(other, scratch_[i]);
  }
  ++splits_;
  refresh(g);
  refresh(other);
}

FixationRun run_to_absorption(MultilevelMoran& model, std::uint32_t mutant, Stream& rng,
                              std::uint64_t max_births) {
  while (!model.absorbed()) {
    if (max_births > 0 && model.births() >= max_births)
      return {false, model.births(), model.splits()};
    model.step(rng);
  }
  return {model.totals()[mutant] > 0, model.births(), model.splits()};
}

}  // namespace kindest::dynamics
