#pragma once
#include <cstddef>
#include <memory>
#include <string_view>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// The general memory-one rule: cooperates with probability p[2*own + opponent] given both
/// players' last moves (C = 0, D = 1, so the order is CC, CD, DC, DD), and with probability
/// `first` on the first move. Family: MemoryOne(pCC,pCD,pDC,pDD[,first]). Probabilities of
/// exactly 0 or 1 consume no random draw. Names: memory-one strategies [Nowak1993].
class MemoryOne : public StrategyOf<MemoryOne> {
 public:
  static constexpr StrategyInfo info{
      .id = "MemoryOne",
      .name = "Memory One",
      .aliases = "",
      .summary = "Cooperate with a probability set by both players' last moves.",
      .cite = "Nowak1993",
      .memory_depth = 1,
      .stochastic = true};
  static constexpr std::string_view syntax =
      "MemoryOne(pCC,pCD,pDC,pDD[,first])  probabilities in [0, 1] to cooperate after "
      "(own, opponent) last moves CC, CD, DC, DD, and on move 1 (default 1); "
      "e.g. MemoryOne(1,0,0,1) is Win-Stay Lose-Shift";

  /// Throws StrategyError if a probability is outside [0, 1].
  explicit MemoryOne(const MemoryOneVector& v);
  static std::unique_ptr<Strategy> parse(std::string_view args);

  Action move(const History& own, const History& opponent, Stream& rng) override {
    const double p = own.empty() ? v_.first
                                 : v_.p[2 * static_cast<std::size_t>(own.back()) +
                                        static_cast<std::size_t>(opponent.back())];
    return rng.bernoulli(p) ? Action::C : Action::D;
  }
  std::optional<MemoryOneVector> memory_one() const override { return v_; }

 private:
  MemoryOneVector v_;
};

}  // namespace kindest::strategies
