#pragma once
#include <cstddef>
#include <vector>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// A hidden Markov model player, a stochastic finite-state machine: it plays `initial_action`
/// first; then each turn it moves from its hidden state s to state t with probability
/// transitions_C[s][t] or transitions_D[s][t] (by the opponent's last move) and cooperates
/// with probability emissions[t]. Rows holding a 1 move without a random draw. Names: HMM
/// player [Harper2017]. (A base for named models; not a family the registry parses.)
class HMMPlayer : public StrategyOf<HMMPlayer> {
 public:
  static constexpr StrategyInfo info{
      .id = "HMMPlayer",
      .name = "HMM Player",
      .aliases = "",
      .summary = "Hidden Markov model: stochastic state transitions by the opponent's move.",
      .cite = "Harper2017",
      .memory_depth = -1,
      .stochastic = true};
  using Matrix = std::vector<std::vector<double>>;
  /// Throws StrategyError unless both matrices are square and stochastic, of the size of
  /// `emissions`, the emissions are probabilities and `initial_state` is a state.
  HMMPlayer(Matrix transitions_C, Matrix transitions_D, std::vector<double> emissions,
            std::size_t initial_state, Action initial_action);

  Action move(const History& own, const History& opponent, Stream& rng) override;
  std::size_t state() const noexcept { return state_; }

 private:
  std::size_t next_state(const std::vector<double>& row, Stream& rng) const;

  Matrix transitions_C_;
  Matrix transitions_D_;
  std::vector<double> emissions_;
  std::size_t state_;
  Action initial_action_;
};

/// Five hidden states, trained by the Axelrod library's authors with an evolutionary
/// algorithm; the matrices are their published parameters, carried over as data.
/// Memory depth unbounded, not the library's 5: a hidden state can persist for any number of
/// turns (state 0 stays put while the opponent cooperates). [Harper2017]
class EvolvedHMM5 final : public StrategyOf<EvolvedHMM5, HMMPlayer> {
 public:
  static constexpr StrategyInfo info{.id = "EvolvedHMM5",
                                     .name = "Evolved HMM 5",
                                     .aliases = "",
                                     .summary = "Evolved five-state hidden Markov model player.",
                                     .cite = "Harper2017",
                                     .memory_depth = -1,
                                     .stochastic = true};
  EvolvedHMM5();
};

}  // namespace kindest::strategies
