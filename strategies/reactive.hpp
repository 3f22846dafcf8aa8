#pragma once
#include <memory>
#include <string_view>

#include "strategies/memory_one.hpp"

namespace kindest::strategies {

/// A reactive rule looks only at the opponent's last move: cooperates first with probability
/// y, then with probability p after an opponent's C and q after a D, i.e. the memory-one
/// vector (p, q, p, q). Family: Reactive(y,p,q). Names: reactive strategies [Nowak1992].
class Reactive : public StrategyOf<Reactive, MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "Reactive",
      .name = "Reactive",
      .aliases = "",
      .summary = "Cooperate with probability p after an opponent's C and q after a D.",
      .cite = "Nowak1992",
      .memory_depth = 1,
      .stochastic = true};
  static constexpr std::string_view syntax =
      "Reactive(y,p,q)  probabilities in [0, 1]: cooperate on move 1 with y, then with p after "
      "the opponent's C and q after its D; e.g. Reactive(1,1,0) is Tit For Tat";

  Reactive(double y, double p, double q) : StrategyOf(MemoryOneVector{{p, q, p, q}, y}) {}
  static std::unique_ptr<Strategy> parse(std::string_view args);
};

/// Generous Tit For Tat: cooperates first and after an opponent's C, and forgives a defection
/// with probability q. The default q = 1/3 is Nowak and Sigmund's optimum
/// min(1 - (T-R)/(R-S), (R-P)/(T-P)) for the default game (R,S,T,P) = (3,0,5,1); for a donation
/// game it is 1 - c/b. Family: GTFT(q). Names: Generous Tit For Tat [Nowak1992].
class GTFT final : public StrategyOf<GTFT, Reactive> {
 public:
  static constexpr StrategyInfo info{
      .id = "GTFT",
      .name = "Generous Tit For Tat",
      .aliases = "GenerousTitForTat",
      .summary = "Tit For Tat that forgives a defection with probability q (default 1/3).",
      .cite = "Nowak1992",
      .memory_depth = 1,
      .stochastic = true};
  static constexpr std::string_view syntax =
      "GTFT(q)  q in [0, 1]: probability to cooperate after the opponent's D; plain GTFT has "
      "q = 1/3, the optimum for (R,S,T,P) = (3,0,5,1)";

  explicit GTFT(double q = 1.0 / 3.0) : StrategyOf(1.0, 1.0, q) {}
  static std::unique_ptr<Strategy> parse(std::string_view args);
};

}  // namespace kindest::strategies
