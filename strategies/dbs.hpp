#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Derived Belief Strategy [Au2006]: learns the opponent as a memory-one rule, P(opponent C |
/// last round), and plays the move that maximises the payoff of the next five rounds against
/// that model (an expectimax tree: own choice, then the opponent's modelled reply). The model
/// merges three rule sets: rules promoted to deterministic after 3 consistent observations
/// since the last counter-example, a default set (initially tit for tat) that inherits demoted
/// rules and is dropped after more than 3 violations, and discounted frequencies (factor 0.75)
/// for the rest; a deterministic rule violated 4 times running is demoted. Symbolic noise
/// detection: an isolated deviation from a learned rule is treated as noise, not a change.
/// As the Axelrod library implements it (v4.13.0), whose parameters are the paper's; the tree
/// values rounds with the payoffs (3, 0, 5, 1) whatever the match's game, as the library does.
class DBS final : public StrategyOf<DBS> {
 public:
  static constexpr StrategyInfo info{
      .id = "DBS",
      .name = "DBS",
      .aliases = "DerivedBeliefStrategy",
      .summary = "Learn the opponent as a memory-one rule (noise-aware); best 5-round reply.",
      .cite = "Au2006",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override;

 private:
  // Outcomes (own, opponent) indexed 2 * own + opponent with C = 0, D = 1.
  using Rules = std::array<std::optional<double>, 4>;  // P(opponent C) after an outcome
  bool should_promote(std::size_t outcome, Action reply) const;
  double discounted_frequency(std::size_t outcome) const;

  Rules default_ = {1.0, 1.0, 0.0, 0.0};                // Rd: tit for tat
  Rules deterministic_{};                               // Rc
  std::array<double, 4> model_ = {1.0, 1.0, 0.0, 0.0};  // Pi = Rc, Rd and frequencies merged
  std::array<std::int64_t, 4> violations_{};            // of each rule in Rc, in a row
  std::int64_t default_violations_ = 0;                 // v: of rules in Rd
  // For each outcome, per turn: did it happen (seen) and did the opponent answer it with C
  // (answered_c). Entry 0 is the prior, tit for tat observed once.
  std::array<std::vector<std::uint8_t>, 4> seen_ = {{{1}, {1}, {1}, {1}}};
  std::array<std::vector<std::uint8_t>, 4> answered_c_ = {{{1}, {1}, {0}, {0}}};
};

}  // namespace kindest::strategies
