#pragma once
// Upstream ("pay it forward") reciprocity, alone and linked with direct reciprocity, after Nowak
// & Roch (2007, Proc R Soc B 274:605, "Upstream reciprocity and the evolution of gratitude"):
// chains of help in a well-mixed population of N >= 3 individuals.
//
// The model. Every act of help costs its donor c and gives its recipient b. A chain starts with
// one random act of kindness: a uniformly random donor helps a uniformly random other
// individual. Whoever has just been helped acts with probability w (the continuation: the chance
// that there is another occasion before the chain is forgotten) according to its rule (d, u):
//   - with probability d it returns the help to its donor (direct reciprocity);
//   - otherwise, with probability u, it passes it on to a third party, uniformly among the N - 2
//     individuals other than itself and its donor (upstream reciprocity);
//   - otherwise the chain ends.
// So after being helped an individual of rule (d, u) returns with w d, passes on with
// w (1 - d) u and ends the chain with the rest. One round = N chains (one started per
// individual on average); payoffs are per individual per round, so every individual pays the
// same c on average for starting chains, whatever its rule, and a monomorphic population's
// payoff is (b - c) x acts per chain.
//
// The closed form. Individuals of a rule are exchangeable, so a chain is a Markov chain on acts
// named by (donor's rule, recipient's rule): S^2 states. After an act a -> t (rules), the next
// act is t -> a with probability w d_t, or t -> k with w (1 - d_t) u_t (n_k - [k = a] - [k = t])
// / (N - 2), the third party drawn among the others. The first act is a -> t with probability
// n_a (n_t - [a = t]) / (N (N - 1)). The expected number of acts in each state, v, solves
// v = s + v P (the visits of a transient chain, v = s (I - P)^-1), and then
//   acts given by rule a = sum_t v(a, t),  received by rule t = sum_a v(a, t),
//   payoff of one individual of rule s = N (b received_s - c given_s) / n_s.
//
// What it shows (checked in tests/games/test_upstream_reciprocity.cpp): upstream reciprocity
// alone (d = 0) is never favoured: in every mixture of Upstream(u) and ALLD the defector earns
// more, because both are helped by chains passing at random and only the upstream reciprocator
// pays for passing on (it is even helped slightly less: a chain never passes to its own holder).
// Linked with direct reciprocity, passing on opens a new exchange: a forward to a direct
// reciprocator of rule (d, .) pays for itself iff w d b > c, the condition under which direct
// reciprocity itself pays, and then Linked(d, u) beats Direct(d) and raises the acts of help per
// chain from 1 / (1 - w d) to 1 / (1 - w (d + (1 - d) u)).
//
// Not the paper's text: its full text was not at hand; the setup is built from its abstract
// ("upstream reciprocity alone does not lead to the evolution of cooperation, but it can evolve
// and increase the level of cooperation if it is linked to either direct or spatial
// reciprocity"; "random walks of altruistic acts") and the issue's description. The choices above
// (who starts a chain, return before passing on, third party excluding the donor) are ours and
// named in experiments/nowak_roch_2007_upstream.ini.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/random/streams.hpp"

namespace kindest::games {

/// What an individual does right after being helped (when it acts at all, probability w).
struct HelpRule {
  std::string name;     // ALLD, Upstream(u), Direct(d) or Linked(d, u)
  double direct = 0;    // d: return the help to the donor
  double upstream = 0;  // u: otherwise, pass it on to a random third party
};

/// "ALLD" (0, 0), "Upstream(u)" (0, u), "Direct(d)" (d, 0), "Linked(d, u)" (d, u); d and u in
/// [0, 1]. Throws ModelError naming the text and the forms there are.
HelpRule parse_help_rule(std::string_view text);

struct ChainGame {
  double benefit = 0;       // b, received per act of help
  double cost = 0;          // c, paid per act of help
  double continuation = 0;  // w in [0, 1): the recipient acts at all
  std::vector<HelpRule> rules;

  /// Throws ModelError unless b, c are finite, 0 <= w < 1 and every d, u is in [0, 1].
  void validate() const;
};

/// Expected outcome of the chains in a population of counts[s] individuals of rule s.
struct ChainPayoffs {
  std::vector<double> payoff;         // per individual per round (N chains); NaN where n_s = 0
  std::vector<double> acts_given;     // per individual per round
  std::vector<double> acts_received;  // per individual per round
  double acts_per_chain = 0;          // = acts per individual per round
};

/// The closed form above. Throws ModelError unless the game is valid, counts has one entry per
/// rule and they sum to N >= 3.
ChainPayoffs expected_chain_payoffs(const ChainGame& game,
                                    const std::vector<std::uint64_t>& counts);

/// Acts given and received per rule, summed over simulated chains.
struct ChainTally {
  std::vector<double> given, received;  // per rule, totals over the chains
  std::uint64_t chains = 0, acts = 0;
  double acts_squared = 0;  // sum over chains of acts^2 (for the standard error)

  explicit ChainTally(std::size_t rules = 0) : given(rules, 0.0), received(rules, 0.0) {}
  /// Per individual per round, as ChainPayoffs (N chains per round).
  ChainPayoffs per_round(const ChainGame& game, const std::vector<std::uint64_t>& counts) const;
};

/// Plays one chain among individuals rule_of[i] (N >= 3, game valid), drawing from `rng`: the
/// first donor, its recipient, then per act one uniform for return / pass on / end and, for a
/// pass, the third party.
void simulate_chain(const ChainGame& game, const std::vector<std::uint32_t>& rule_of, Stream& rng,
                    ChainTally& tally);

}  // namespace kindest::games
