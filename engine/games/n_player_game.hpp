#pragma once
// A symmetric N-player game: groups of n players, S strategies, and the payoff to a focal
// player as a function of its own strategy and of how many of its n - 1 co-players use each
// strategy (the "composition"). Symmetric means only these counts matter, not who is who.
//
// Sampling conventions for expected payoffs (EGTtools / Pacheco et al. 2009 style):
//   finite population   the focal individual's n - 1 co-players are drawn WITHOUT replacement from
//                       the other Z - 1 individuals (multivariate hypergeometric); nobody plays
//                       with itself. With n = 2 this is the matrix-game payoff
//                       pi_A(i) = (a(i-1) + b(Z-i)) / (Z-1).
//   infinite population co-players are i.i.d. draws from the strategy frequencies (multinomial).
#include <cstddef>
#include <functional>
#include <vector>

namespace kindest::games {

class NPlayerGame {
 public:
  /// Payoff to one player using `strategy` when its co-players hold `co_players[t]` players of
  /// each strategy t (size S, sum n - 1). Must be pure: it is called from several threads.
  using Payoff =
      std::function<double(std::size_t strategy, const std::vector<std::size_t>& co_players)>;

  /// Throws ModelError unless group_size >= 2 and strategies >= 1.
  NPlayerGame(std::size_t group_size, std::size_t strategies, Payoff payoff);

  /// Linear public goods game. Strategy 0 cooperates (pays `cost` into the pot), 1 defects; the
  /// pot is multiplied by `multiplication_factor` and shared among all n players:
  /// with k cooperators in the group, P_D = r c k / n and P_C = P_D - c.
  static NPlayerGame public_goods(std::size_t group_size, double multiplication_factor,
                                  double cost);

  /// N-person stag hunt (threshold public goods game) of Pacheco, Santos, Souza & Skyrms (2009,
  /// Proc R Soc B 276:315): as the linear game, but the pot is produced only if at least
  /// `threshold` (M) of the n players cooperate: P_D = (r c k / n) * [k >= M], P_C = P_D - c.
  /// Cooperators pay c whether or not the threshold is met. M = 0 (or 1) is the linear game;
  /// throws ModelError unless M <= n.
  static NPlayerGame threshold_public_goods(std::size_t group_size, double multiplication_factor,
                                            double cost, std::size_t threshold);

  std::size_t group_size() const noexcept { return group_size_; }
  std::size_t strategies() const noexcept { return strategies_; }

  /// Payoff of `strategy` against the co-player counts `co_players` (size S, sum n - 1);
  /// throws ModelError on a malformed composition.
  double payoff(std::size_t strategy, const std::vector<std::size_t>& co_players) const;

  /// Expected payoff of one individual of each strategy in a finite well-mixed population with
  /// `counts[t]` individuals of strategy t (sum Z >= n), co-players drawn without replacement.
  /// Entries of strategies with count 0 are NaN (no such individual exists).
  std::vector<double> expected_payoffs(const std::vector<std::size_t>& counts) const;

  /// Expected payoff of a player of each strategy (present or not) in an infinite population
  /// with strategy `frequencies` (non-negative, summing to 1 within 1e-9).
  std::vector<double> expected_payoffs_infinite(const std::vector<double>& frequencies) const;

 private:
  std::size_t group_size_;
  std::size_t strategies_;
  Payoff payoff_;
};

}  // namespace kindest::games
