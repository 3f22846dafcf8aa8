#pragma once
#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Each move, draws a cooperation probability uniformly from [0.3, 0.7] and cooperates with it.
/// The anonymous entry, 14th in Axelrod's first tournament [Axelrod1980]: the published
/// description only says its probability "frequently" stayed in the 30%-70% range, and this is
/// the Axelrod library's reading of that. Each move is therefore C with probability exactly 1/2,
/// independently, which makes it memory-one.
class FirstByAnonymous final : public StrategyOf<FirstByAnonymous> {
 public:
  static constexpr StrategyInfo info{
      .id = "FirstByAnonymous",
      .name = "First by Anonymous",
      .aliases = "Anonymous, UnnamedStrategy",
      .summary = "Cooperate with a probability drawn afresh from [0.3, 0.7].",
      .cite = "Axelrod1980",
      .memory_depth = 0,
      .stochastic = true};
  Action move(const History&, const History&, Stream& rng) override {
    const double p = 0.3 + 0.4 * rng.uniform();
    return rng.bernoulli(p) ? Action::C : Action::D;
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{0.5, 0.5, 0.5, 0.5}, 0.5};
  }
};

}  // namespace kindest::strategies
