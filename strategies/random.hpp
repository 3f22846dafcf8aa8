#pragma once
#include <memory>
#include <string_view>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates with probability p on every move, regardless of history; p = 1/2 by default.
/// The RANDOM entry of Axelrod's first tournament [Axelrod1980]. Random(p) is the family.
class Random final : public StrategyOf<Random> {
 public:
  static constexpr StrategyInfo info{
      .id = "Random",
      .name = "Random",
      .aliases = "",
      .summary = "Cooperate with probability 1/2 (Random(P): probability P).",
      .cite = "Axelrod1980",
      .memory_depth = 0,
      .stochastic = true};
  static constexpr std::string_view syntax =
      "Random(P)  cooperate with probability P in [0, 1]; fractions allowed, e.g. Random(1/3)";
  Random() = default;
  explicit Random(double p) : p_(p) {}
  /// Parses the P of "Random(P)"; throws StrategyError unless it is a number in [0, 1].
  static Random from_args(std::string_view args);
  static std::unique_ptr<Strategy> parse(std::string_view args) {
    return std::make_unique<Random>(from_args(args));
  }

  double p() const noexcept { return p_; }
  Action move(const History&, const History&, Stream& rng) override {
    return rng.bernoulli(p_) ? Action::C : Action::D;
  }
  std::optional<MemoryOneVector> memory_one() const override {
    return MemoryOneVector{{p_, p_, p_, p_}, p_};
  }

 private:
  double p_ = 0.5;
};

}  // namespace kindest::strategies
