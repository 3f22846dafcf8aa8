#pragma once
// The continuous-investment game ("continuous prisoner's dilemma") and the investment strategies
// of Roberts & Sherratt (1998, Nature 394:175, "Development of cooperative relationships through
// increasing investment") and Wahl & Nowak (1999, J Theor Biol 200:307 and 323, linear reactive
// strategies).
//
// The game. Two players meet for a match of rounds. In every round both choose an investment
// x >= 0 at the same time; the investor pays c(x), the partner gains b(x). Here c(x) = C x and
// either b(x) = B x (linear, the game Killingback & Doebeli 1999 describe for Roberts & Sherratt:
// "an individual investing I bears a cost I, while the recipient gets a benefit kI") or the
// saturating b(x) = B h (1 - exp(-x / h)) (slope B at x = 0, never more than B h): a diminishing
// return, our choice of form, not checked against the paper. After each round another follows
// with probability w (geometric length, mean 1 / (1 - w)), or the match has a fixed number of
// rounds.
//
// The strategies. Each is deterministic and remembers one round: its next investment is a
// function of its own last investment and the partner's (clamped at 0).
//   Fixed(x)              always x; NonInvestor = Fixed(0).
//   RTS(a, b)             raise-the-stakes: invest a first; then, if the partner's last
//                         investment exceeded my last one, raise mine by 2b; if it equalled it,
//                         raise mine by b; otherwise match the partner's last. The rule as
//                         Killingback & Doebeli (1999, Nature 400:518) state it for Roberts &
//                         Sherratt, read literally. "Equalled" is exact equality of doubles: a
//                         copied value is equal to its original, so two RTS players who match
//                         each other see it. Read literally, 0 equals 0 too: against a
//                         non-investor RTS invests a, 0, b, 0, b, ... (it tests the water again
//                         every other round); a reading that stays at 0 is not offered.
//   ShortChanger(a, d)    invest a first, then d less than the partner's last: the "short-
//                         changing" Roberts & Sherratt's abstract warns of (our form).
//   Matcher(a)            invest a first, then the partner's last ("give as good as you get");
//                         a large a is Roberts & Sherratt's "leap of faith".
//   Linear(a, k, m)       Wahl & Nowak's linear reactive strategy: a first, then k + m y, y the
//                         partner's last (clamped at 0). Matcher(a) = Linear(a, 0, 1).
//
// Expected payoffs. The pair's state (x1, x2) in a round fixes the next, so a match is a
// deterministic sequence of payoffs pi_t = b(x2_t) - c(x1_t) and the expected total over a
// geometric match is sum_t w^(t-1) pi_t. It is summed round by round until the state repeats
// itself (period 1 or 2: the rest of the series is a geometric tail, added in closed form), or
// else until the discount w^(t-1) is below 1e-17 and the round's term below 1e-17 of the sum
// (a growing sequence, e.g. RTS against itself); a series still unsettled after 10^7 rounds
// throws (investments growing as fast as the match ends: m w >= 1). Closed forms it is tested
// against (tests/games/test_continuous_investment.cpp), with linear b and c:
//   Fixed(x) vs Fixed(y):    (B y - C x) / (1 - w)
//   RTS(a, b) vs itself:     both invest a + (t - 1) b in round t:
//                            (B - C) (a / (1 - w) + b w / (1 - w)^2)
//   Linear(a, k, m) vs itself: x_t = x* + (a - x*) m^(t-1), x* = k / (1 - m):
//                            (B - C) (x* / (1 - w) + (a - x*) / (1 - w m))
//   Matcher(a) vs Matcher(c): alternate (a, c), (c, a): ((B c - C a) + w (B a - C c)) / (1 - w^2)
// Payoffs per round divide the expected total by the expected number of rounds.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/games/payoff_matrix.hpp"
#include "engine/random/streams.hpp"

namespace kindest::games {

enum class InvestmentRule { fixed, raise_the_stakes, short_changer, linear };

struct InvestmentStrategy {
  std::string name;  // as written, e.g. "RTS(1, 1)"
  InvestmentRule rule = InvestmentRule::fixed;
  double start = 0;      // first investment (Fixed: every investment)
  double step = 0;       // RTS: b, the raise; ShortChanger: d, the shortfall
  double intercept = 0;  // Linear: k
  double slope = 0;      // Linear: m

  /// The investment after a round in which I invested `own` and the partner `partner`.
  double next(double own, double partner) const noexcept;
};

/// "NonInvestor", "Fixed(x)", "RTS(a, b)" (also "RaiseTheStakes(a, b)"), "ShortChanger(a, d)",
/// "Matcher(a)" or "Linear(a, k, m)", every number finite and a, x, b, d >= 0. Throws ModelError
/// naming the text and the forms there are.
InvestmentStrategy parse_investment_strategy(std::string_view text);

/// RTS(a, b) at every point of a grid in the (a, b) plane, a from `starts` (outer) and b from
/// `increments` (inner): strategy i * B + j is RTS(starts[i], increments[j]), B =
/// increments.size(), named as parse_investment_strategy names it ("RTS(0.5, 2)"). Each list
/// must be non-empty, finite, >= 0 and strictly increasing, with at least two points in all
/// (else ModelError naming the list), so that neighbouring points are neighbouring values.
std::vector<InvestmentStrategy> raise_the_stakes_grid(const std::vector<double>& starts,
                                                      const std::vector<double>& increments);

enum class BenefitShape { linear, saturating };

struct InvestmentGame {
  double benefit = 2;  // B: benefit per unit invested (at x = 0 for the saturating shape)
  double cost = 1;     // C: cost per unit invested
  BenefitShape shape = BenefitShape::linear;
  double saturation = 1;      // h > 0: the saturating benefit's scale, b(x) <= B h
  double continuation = 0.9;  // w in [0, 1); 0 = fixed length `rounds`
  std::uint64_t rounds = 1;   // rounds per match when continuation = 0 (>= 1)

  double benefit_of(double x) const noexcept;
  double cost_of(double x) const noexcept { return cost * x; }
  /// 1 / (1 - w), or rounds.
  double expected_rounds() const noexcept;
  /// Throws ModelError unless B, C are finite and >= 0, h > 0 (saturating), 0 <= w < 1 and
  /// rounds >= 1.
  void validate() const;
};

/// Expected payoffs of the two players of one match.
struct InvestmentPayoffs {
  double first = 0, second = 0;
};

/// The expected total payoffs over a match (see above). Throws ModelError when the series does
/// not settle (investments that grow as fast as the match ends) or the game is invalid.
InvestmentPayoffs expected_investment_payoffs(const InvestmentGame& game,
                                              const InvestmentStrategy& first,
                                              const InvestmentStrategy& second);

/// Entry (i, j): expected payoff per round of strategy i against strategy j.
PayoffMatrix investment_payoff_matrix(const InvestmentGame& game,
                                      const std::vector<InvestmentStrategy>& strategies);

/// One match played out: its length drawn from `rng` (geometric_length(w), or `rounds`), then
/// the totals of its rounds. Independent of the series above: the check of its closed tails.
struct InvestmentMatch {
  InvestmentPayoffs total;
  std::uint64_t rounds = 0;
};
InvestmentMatch play_investment_match(const InvestmentGame& game, const InvestmentStrategy& first,
                                      const InvestmentStrategy& second, Stream& rng);

}  // namespace kindest::games
