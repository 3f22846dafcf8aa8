#pragma once
// Evolution in a continuous strategy space after Nowak & Sigmund (1993, Nature 364:56; and 1992,
// Nature 355:250, for reactive strategies): an infinite population of memory-one rules
// p = (p_CC, p_CD, p_DC, p_DD) under discrete-time replicator dynamics, invaded now and then by
// a rare mutant with a random rule. One generation, in the stages of docs/CYCLE.md:
//
//   Stage 2 (fitness)  f_i = background + sum_j a_ij x_j, f_bar = sum_i x_i f_i;
//   Stage 3 (update)   x_i <- x_i f_i / f_bar; rules with x_i < extinction_threshold die out and
//                      the rest are renormalised;
//   Stage 4 (mutate)   with probability mutation_probability a mutant arrives: every frequency
//                      is multiplied by 1 - m and the mutant enters with frequency m.
//
// A mutant therefore meets selection from the next generation on. Between arrivals the dynamics
// are deterministic. Each probability of a mutant's rule is drawn independently, uniformly or
// from the U-shaped arcsine density 1 / (pi sqrt(p (1 - p))), which puts more mutants near the
// corners, and clipped to [min_probability, 1 - min_probability]; a reactive mutant (p, q) plays
// the memory-one rule (p, q, p, q).
//
// The payoff a_ij of rule i against rule j is the model's business (the job passes long-run
// payoffs of the repeated game); it is computed once per ordered pair while both are present.
// Generation g draws only from the stream it is given, so the state below (rules in order of
// arrival, frequencies) is all a checkpoint needs to continue to the same bits.
#include <array>
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/random/streams.hpp"

namespace kindest::dynamics {

using Rule = std::array<double, 4>;  // p_CC, p_CD, p_DC, p_DD: own move first

enum class StrategySpace { memory_one, reactive };
enum class MutantDistribution { uniform, arcsine };

struct InvasionSettings {
  StrategySpace space = StrategySpace::memory_one;
  MutantDistribution distribution = MutantDistribution::arcsine;
  double mutation_probability = 0.01;  // per generation
  double mutant_frequency = 0.01;
  double extinction_threshold = 0.001;
  double min_probability = 0.001;  // every p_i lies in [min, 1 - min]
  double background_fitness = 0;   // added to every payoff; keeps fitness >= 0
};

/// What rule i gets against rule j: payoff per round, and i's fraction of cooperative moves.
struct PairOutcome {
  double payoff = 0;
  double cooperation = 0;
};
using PairFunction = std::function<PairOutcome(const Rule& own, const Rule& other)>;

/// A random rule as `settings` describe it (space, distribution, bounds): a mutant, or one of
/// a random starting population.
Rule draw_rule(const InvasionSettings& settings, Stream& rng);

/// The frequency-weighted mean of `rules`.
Rule mean_rule(const std::vector<Rule>& rules, const std::vector<double>& frequencies);

class MutantInvasion {
 public:
  /// Starts from `rules` with `frequencies` (positive, summing to 1). Throws ModelError
  /// when they do not.
  MutantInvasion(const InvasionSettings& settings, PairFunction pair, std::vector<Rule> rules,
                 std::vector<double> frequencies);

  /// One generation (mutation, selection, extinction), drawing from `rng` only.
  void step(Stream& rng);

  const std::vector<Rule>& rules() const noexcept { return rules_; }
  const std::vector<double>& frequencies() const noexcept { return x_; }
  /// Frequency-weighted mean rule.
  Rule mean_rule() const { return dynamics::mean_rule(rules_, x_); }
  /// Index of the most frequent rule (the earliest arrival among ties).
  std::size_t dominant() const;
  /// Population mean payoff x . A x (without the background fitness).
  double average_payoff() const;
  /// Expected fraction of cooperative moves, x . C x.
  double cooperation_rate() const;

 private:
  void add(const Rule& rule, double frequency);
  void remove_extinct();

  InvasionSettings settings_;
  PairFunction pair_;
  std::vector<Rule> rules_;
  std::vector<double> x_;
  // Row i: what rule i gets against each rule j; rows and columns follow rules_.
  std::vector<std::vector<PairOutcome>> outcome_;
  std::vector<double> fitness_;  // scratch
};

/// The corner of the unit cube nearest to `rule`, as 8 [p_CC >= 1/2] + 4 [p_CD >= 1/2] +
/// 2 [p_DC >= 1/2] + [p_DD >= 1/2]: 0 ALLD, 8 GRIM, 9 WSLS, 10 TFT, 15 ALLC.
int nearest_corner(const Rule& rule);

/// A name for each corner where one is usual ("WSLS"), else the rule ("(1,0,1,1)").
const char* corner_name(int corner);

}  // namespace kindest::dynamics
