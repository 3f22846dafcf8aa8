#pragma once
// The "worse and worse" rules of [Prison1998], whose cooperation fades as the match goes on,
// and their reverse, Better and Better.
#include "engine/core/strategy.hpp"
#include "strategies/average_copier.hpp"

namespace kindest::strategies {

/// On move n defects with probability n/1000 (so always from move 1000 on). [Prison1998]
class WorseAndWorse final : public StrategyOf<WorseAndWorse> {
 public:
  static constexpr StrategyInfo info{.id = "WorseAndWorse",
                                     .name = "Worse and Worse",
                                     .aliases = "",
                                     .summary = "Defect on move n with probability n/1000.",
                                     .cite = "Prison1998",
                                     .memory_depth = -1,
                                     .stochastic = true};
  Action move(const History& own, const History&, Stream& rng) override {
    const double n = static_cast<double>(own.size() + 1);
    return rng.bernoulli(1.0 - n / 1000.0) ? Action::C : Action::D;
  }
};

/// Tit for tat for 20 moves, then on move n > 20 cooperates with probability 20/n.
/// [Prison1998]
class WorseAndWorse2 final : public StrategyOf<WorseAndWorse2> {
 public:
  static constexpr StrategyInfo info{
      .id = "WorseAndWorse2",
      .name = "Worse and Worse 2",
      .aliases = "",
      .summary = "Tit for tat for 20 moves, then cooperate on move n with probability 20/n.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    const std::size_t n = own.size() + 1;
    if (n == 1) return Action::C;
    if (n <= 20) return opponent.back();
    return rng.bernoulli(20.0 / static_cast<double>(n)) ? Action::C : Action::D;
  }
};

/// Cooperates first, then defects with probability equal to the opponent's defection rate so
/// far: the rule of NiceAverageCopier, published under this name. [Prison1998]
class WorseAndWorse3 final : public StrategyOf<WorseAndWorse3, NiceAverageCopier> {
 public:
  static constexpr StrategyInfo info{
      .id = "WorseAndWorse3",
      .name = "Worse and Worse 3",
      .aliases = "",
      .summary = "Cooperate first, then defect with the opponent's defection rate so far.",
      .cite = "Prison1998",
      .memory_depth = -1,
      .stochastic = true};
};

/// WorseAndWorse scaled to the match: on move n of N defects with probability n/N, so it
/// defects on the last move. In a match of unknown length it cooperates, as the Axelrod
/// library's does (its length is then infinite). Original to the Axelrod library (Adam Pohl)
/// [Knight2016].
class KnowledgeableWorseAndWorse final : public StrategyOf<KnowledgeableWorseAndWorse> {
 public:
  static constexpr StrategyInfo info{.id = "KnowledgeableWorseAndWorse",
                                     .name = "Knowledgeable Worse and Worse",
                                     .aliases = "",
                                     .summary = "Defect on move n of N with probability n/N.",
                                     .cite = "Knight2016",
                                     .memory_depth = -1,
                                     .stochastic = true,
                                     .uses_length = true};
  Action move(const History& own, const History&, Stream& rng) override {
    const auto& length = match_attributes().length;
    if (!length) return Action::C;
    const double n = static_cast<double>(own.size() + 1);
    return rng.bernoulli(1.0 - n / static_cast<double>(*length)) ? Action::C : Action::D;
  }
};

/// The reverse of WorseAndWorse: on move n cooperates with probability n/1000 (so always from
/// move 1000 on). [Prison1998]
class BetterAndBetter final : public StrategyOf<BetterAndBetter> {
 public:
  static constexpr StrategyInfo info{.id = "BetterAndBetter",
                                     .name = "Better and Better",
                                     .aliases = "",
                                     .summary = "Cooperate on move n with probability n/1000.",
                                     .cite = "Prison1998",
                                     .memory_depth = -1,
                                     .stochastic = true};
  Action move(const History& own, const History&, Stream& rng) override {
    const double n = static_cast<double>(own.size() + 1);
    return rng.bernoulli(n / 1000.0) ? Action::C : Action::D;
  }
};

}  // namespace kindest::strategies
