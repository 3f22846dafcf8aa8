#pragma once
// Costly signalling by a public-good contribution, after Gintis, Smith & Bowles (2001, J Theor
// Biol 213:103, "Costly signaling and cooperation"): providing a benefit to others is an honest
// signal of quality because it is cheaper for high-quality individuals, and observers who choose
// their allies by the signal reward it.
//
// The model (a small two-role version; the choices are ours, see "Not the paper's" below). In an
// encounter one individual is the signaller and the other the observer, each role with
// probability 1/2. The signaller is of high quality with probability q, else low (drawn afresh
// for the encounter: quality is a state, the strategy a rule conditioned on it).
//   - The signaller signals or not, by its rule and its quality. Signalling is a public-good
//     contribution: it costs c_H (high) or c_L (low) and gives the observer b.
//   - The observer sees whether the signaller signalled (not its quality) and, by its rule,
//     allies with it or not. Allying gives the signaller a (the value of being chosen) and the
//     observer h when the signaller is of high quality, l when low; not allying gives both 0.
// Signaller rules (signal when high, when low): Never (0, 0), Honest (1, 0), Always (1, 1),
// Perverse (0, 1). Observer rules (ally after a signal, after silence): Never (0, 0), Discerning
// (1, 0), Always (1, 1), Contrarian (0, 1). A strategy is a pair "Signaller/Observer", e.g.
// "Honest/Discerning"; its expected payoff against another is
//   A[(s, r)][(s', r')] = 1/2 S(s | r') + 1/2 O(r | s'),
//   S(s | r) = q sigma_H (a r(1) - c_H) + q (1 - sigma_H) a r(0)
//            + (1 - q) sigma_L (a r(1) - c_L) + (1 - q) (1 - sigma_L) a r(0),
//   O(r | s) = q (sigma_H (b + r(1) h) + (1 - sigma_H) r(0) h)
//            + (1 - q) (sigma_L (b + r(1) l) + (1 - sigma_L) r(0) l),
// with sigma_H, sigma_L the signaller's rule and r(1), r(0) the observer's response to a signal
// and to silence (0 or 1).
//
// The separating equilibrium. Honest/Discerning is a strict Nash equilibrium of this game (so an
// ESS) iff each of its four choices is the unique best reply to it:
//   high quality signals:    a - c_H > 0     (signal and be chosen rather than stay silent)
//   low quality stays silent: c_L - a > 0    (faking the signal does not pay)
//   ally after a signal:      h > 0          (a signaller is of high quality)
//   shun silence:             l < 0          (a silent one is of low quality)
// i.e. c_H < a < c_L and l < 0 < h; it needs the handicap c_H < c_L. Otherwise signals pool: if
// a > c_L low quality fakes the signal (it no longer tells the qualities apart), if a < c_H
// nobody signals. (With a > c_L, l < 0 < h and q h + (1 - q) l < 0 there is a hybrid
// equilibrium instead: a share c_L / a of observers ally after a signal, which leaves a low-
// quality faker indifferent, and a share q h / ((1 - q)(-l)) of signallers fake, which leaves an
// observer indifferent after a signal; the experiment's a = 3.1 ends there.) A population where
// nobody signals gives observers no information; there they ally with everyone iff the average
// partner is worth it, q h + (1 - q) l > 0.
//
// Invasion from rarity. Start from the pooling population Never/Discerning (nobody signals;
// observers would ally with a signaller, which costs them nothing while nobody signals) with
// every other strategy rare. A rare honest signaller there gains q (a - c_H), so it invades iff
// a > c_H; once honest signals are common, observers' discerning pays q h > 0 against shunning
// everyone and -(1 - q) l > 0 against allying with everyone, and a faker (Always) among honest
// signallers gains (1 - q)(a - c_L), so honesty holds iff a < c_L. The replicator dynamics
// among the strategies from that start (job signalling) end at Honest/Discerning exactly when
// the four conditions hold and q h + (1 - q) l <= 0; when allying blind pays, the pooling start
// is Never/Always instead, where a signal buys nothing and honest signalling cannot invade.
// tests/experiments/test_gintis_2001_signalling.cpp checks both sides of each threshold.
//
// Not the paper's: its full text was not at hand (its abstract was). The paper's game is an
// n-player public goods game in which the fraction of the group that signals is found
// endogenously; the two-role pairwise form above, the four rule sets, the public good going to
// the observer alone and the payoffs a, h, l are ours (experiments/gintis_2001_signalling.ini).
#include <string>
#include <string_view>
#include <vector>

#include "engine/games/payoff_matrix.hpp"

namespace kindest::games {

/// Whether a signaller signals when of high and of low quality.
struct SignallerRule {
  std::string name;  // Never, Honest, Always or Perverse
  bool when_high = false;
  bool when_low = false;
};

/// Whether an observer allies with a signaller after a signal and after silence.
struct ObserverRule {
  std::string name;  // Never, Discerning, Always or Contrarian
  bool after_signal = false;
  bool after_silence = false;
};

/// One individual's strategy: its rule as signaller and as observer.
struct SignallingStrategy {
  SignallerRule signaller;
  ObserverRule observer;
  /// "Signaller/Observer", e.g. "Honest/Discerning".
  std::string name() const { return signaller.name + "/" + observer.name; }
};

/// Never, Honest, Always, Perverse. Throws ModelError (parameter "signaller") naming the text,
/// the names there are and the nearest one.
SignallerRule parse_signaller_rule(std::string_view text);
/// Never, Discerning, Always, Contrarian. Throws ModelError (parameter "observer") likewise.
ObserverRule parse_observer_rule(std::string_view text);

struct SignallingGame {
  double high_quality = 0.5;  // q in (0, 1): probability that a signaller is of high quality
  double cost_high = 0;       // c_H >= 0: cost of the signal to high quality
  double cost_low = 0;        // c_L >= 0: cost of the signal to low quality
  double benefit = 0;         // b: what the signal (the public good) gives the observer
  double alliance = 0;        // a: what being chosen as ally gives the signaller
  double value_high = 0;      // h: what allying with high quality gives the observer
  double value_low = 0;       // l: what allying with low quality gives the observer

  /// Throws ModelError unless 0 < q < 1, c_H and c_L are finite and >= 0 and b, a, h, l finite.
  void validate() const;
};

/// S(s | r) and O(r | s) above: expected payoffs of one encounter in each role.
double signaller_payoff(const SignallingGame& game, const SignallerRule& s, const ObserverRule& r);
double observer_payoff(const SignallingGame& game, const ObserverRule& r, const SignallerRule& s);

/// The role-symmetric matrix A above among `strategies`. Throws ModelError for an invalid game.
PayoffMatrix signalling_payoff_matrix(const SignallingGame& game,
                                      const std::vector<SignallingStrategy>& strategies);

/// The four margins of the separating equilibrium; it is strict iff all are > 0.
struct SeparatingConditions {
  double high_signals = 0;       // a - c_H
  double low_stays_silent = 0;   // c_L - a
  double ally_after_signal = 0;  // h
  double shun_silence = 0;       // -l
  double pooled_partner = 0;     // q h + (1 - q) l: an observer's gain from allying unseen
  bool separating() const {
    return high_signals > 0 && low_stays_silent > 0 && ally_after_signal > 0 && shun_silence > 0;
  }
};

/// The closed form above. Throws ModelError for an invalid game.
SeparatingConditions separating_conditions(const SignallingGame& game);

}  // namespace kindest::games
