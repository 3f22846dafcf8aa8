#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Plays tit for tat, then every two moves (first at move 3) picks its rule from the last two
/// turns: TFT after two mutual cooperations, Tit For 2 Tats after CD and DC (in either order),
/// else Always Defect; after choosing Always Defect twice it keeps it for good. So its memory
/// is unbounded, though its source calls it memory-two. [Li2014]
class MEM2 final : public StrategyOf<MEM2> {
 public:
  static constexpr StrategyInfo info{
      .id = "MEM2",
      .name = "MEM2",
      .aliases = "",
      .summary = "Switch every 2 moves among TFT, TF2T and ALLD by the last two turns.",
      .cite = "Li2014",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (--shift_ == 0 && alld_chosen_ < 2) {
      shift_ = 2;
      const int cc = turn_is(own, opponent, 1, Action::C, Action::C) +
                     turn_is(own, opponent, 2, Action::C, Action::C);
      const bool cd_dc = (turn_is(own, opponent, 1, Action::C, Action::D) &&
                          turn_is(own, opponent, 2, Action::D, Action::C)) ||
                         (turn_is(own, opponent, 1, Action::D, Action::C) &&
                          turn_is(own, opponent, 2, Action::C, Action::D));
      if (cc == 2) {
        rule_ = Rule::tft;
      } else if (cd_dc) {
        rule_ = Rule::tf2t;
      } else {
        rule_ = Rule::alld;
        ++alld_chosen_;
      }
    }
    switch (rule_) {
      case Rule::tft:
        return opponent.empty() ? Action::C : opponent.back();
      case Rule::tf2t:
        return opponent.size() >= 2 && opponent.back() == Action::D && opponent.back(2) == Action::D
                   ? Action::D
                   : Action::C;
      case Rule::alld:
        break;
    }
    return Action::D;
  }

 private:
  enum class Rule { tft, tf2t, alld };
  static bool turn_is(const History& own, const History& opponent, std::size_t k, Action a,
                      Action b) {
    return own.size() >= k && own.back(k) == a && opponent.back(k) == b;
  }
  Rule rule_ = Rule::tft;
  int shift_ = 3;
  int alld_chosen_ = 0;
};

}  // namespace kindest::strategies
