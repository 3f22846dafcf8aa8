#pragma once
// Multilevel selection after Traulsen & Nowak (2006, PNAS 103:10952): a population of m groups,
// each of at most n individuals, that play a matrix game with the other members of their own
// group. One event (a birth):
//
//   Stage 2 (fitness)  every individual has fitness f = 1 - w + w pi (or exp(w pi)), pi its
//                      average payoff against the other members of its group (a group of one
//                      has no partner: pi = 0);
//   Stage 3 (update)   one individual of the whole population is chosen in proportion to
//                      fitness; its offspring joins its group. A group that now holds n + 1
//                      splits with probability q: its n + 1 members are divided uniformly at
//                      random into two daughters of floor((n+1)/2) and ceil((n+1)/2), one
//                      keeping the group's index, the other taking the index of a uniformly
//                      random OTHER group, which is removed -- so there are always m groups.
//                      Otherwise (probability 1 - q) a uniformly random member of the n + 1
//                      dies.
//
// So groups hold 1..n individuals between events (ceil((n+1)/2)..n once each has been full),
// the total lies in [m, m n], and without mutation a strategy that is gone never returns. With
// q = 0 and m = 1 the process is the Moran birth-death process in one group of n, except that
// the dead may be the newborn -- the ratio of the down and up steps, and so every fixation
// probability, is that of engine/analytic/fixation_probabilities.hpp's Moran process.
//
// Conventions the paper leaves open and this file fixes: "reaches the maximum size" means
// exceeds n (groups of n are full, as in the paper's n m = N), the split is an even division
// (the paper: individuals "randomly distributed"), and the removed group is another one (never
// a daughter). For q -> 0 none of them matters: groups are homogeneous when they split.
//
// A run draws only from the stream it is given, event after event, so it is reproducible from
// its stream's name alone.
#include <cstdint>
#include <vector>

#include "engine/dynamics/fitness.hpp"
#include "engine/games/payoff_matrix.hpp"
#include "engine/random/streams.hpp"

namespace kindest::dynamics {

struct MultilevelSettings {
  std::uint32_t groups = 10;         // m
  std::uint32_t max_size = 10;       // n
  double split_probability = 0.01;   // q: per birth into a full group
  double selection_intensity = 0.1;  // w
  FitnessMapping fitness_mapping = FitnessMapping::linear;
};

class MultilevelMoran {
 public:
  /// m groups of n, all of strategy `resident` but one `mutant` in group 0. Throws ModelError
  /// for m < 1, n < 2, q outside [0, 1], q > 0 with one group (no other group to replace), q = 0
  /// with more (groups would never compete, and a run never end), linear fitness that is not
  /// positive for some payoff of `game`, or bad strategy indices.
  MultilevelMoran(const MultilevelSettings& settings, const games::PayoffMatrix& game,
                  std::uint32_t mutant, std::uint32_t resident);

  /// The births up to and including the next one that changes the state (births into full
  /// homogeneous groups that do not split change nothing and are only counted), with its split
  /// or death. A settled population of one group (q = 0) stays as it is.
  void step(Stream& rng);

  /// Some strategy holds the whole population (none other can come back).
  bool absorbed() const noexcept;
  /// Individuals of strategy s in group g.
  std::uint32_t count(std::size_t g, std::size_t s) const noexcept { return counts_[g * s_ + s]; }
  std::uint32_t group_size(std::size_t g) const noexcept { return sizes_[g]; }
  std::size_t groups() const noexcept { return sizes_.size(); }
  std::size_t strategies() const noexcept { return s_; }
  /// Individuals of each strategy in the whole population.
  const std::vector<std::uint64_t>& totals() const noexcept { return totals_; }
  std::uint64_t births() const noexcept { return births_; }
  std::uint64_t splits() const noexcept { return splits_; }

 private:
  void refresh(std::size_t g);  // fitness and weight of group g after its counts changed
  void split(std::size_t g, Stream& rng);
  void remove_one(std::size_t g, std::uint32_t s);
  void add_one(std::size_t g, std::uint32_t s);

  MultilevelSettings settings_;
  games::PayoffMatrix game_;
  std::size_t s_;
  std::vector<std::uint32_t> counts_;  // group-major: counts_[g * S + s]
  std::vector<std::uint32_t> sizes_;
  std::vector<double> fitness_;  // fitness_[g * S + s] of an individual of s in group g
  std::vector<double> weight_;   // weight_[g] = sum_s counts * fitness
  std::vector<char> settled_;    // group g is full and homogeneous
  std::vector<std::uint64_t> totals_;
  std::uint64_t births_ = 0, splits_ = 0;
  std::vector<std::uint32_t> scratch_;  // the members of a splitting group
};

/// How one run from a single mutant ended.
struct FixationRun {
  bool mutant_fixed = false;
  std::uint64_t births = 0;
  std::uint64_t splits = 0;
};

/// Runs `model` until one strategy is left, drawing from `rng`. `max_births` bounds the run
/// (0 = no bound); a run that passes it ends with mutant_fixed = false.
FixationRun run_to_absorption(MultilevelMoran& model, std::uint32_t mutant, Stream& rng,
                              std::uint64_t max_births = 0);

}  // namespace kindest::dynamics
