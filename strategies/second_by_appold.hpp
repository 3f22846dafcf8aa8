#pragma once
#include <array>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Cooperates on the first four moves and right after the opponent's first defection from its
/// fourth move on; otherwise cooperates with the probability that the opponent answered its
/// move of two turns before (C or D) with C so far. The counts start from one defection
/// answered by a defection, and the opponent's first move counts as an answer to a
/// cooperation. Scott Appold's entry (K88R), 22nd in Axelrod's second tournament
/// [Axelrod1980b], as the Axelrod library reads the Fortran.
class SecondByAppold final : public StrategyOf<SecondByAppold> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByAppold",
      .name = "Second by Appold",
      .aliases = "K88R",
      .summary = "C x4; then C w.p. the opponent's observed C rate after own move 2 turns back.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override {
    const std::size_t turn = own.size() + 1;
    const auto before = static_cast<std::size_t>(turn <= 2 ? Action::C : own.back(2));
    if (turn > 1) {
      ++answers_[before];
      cooperations_[before] += opponent.back() == Action::C;
    }
    if (turn <= 4) return Action::C;
    if (opponent.back() == Action::D && !forgave_first_defection_) {
      forgave_first_defection_ = true;
      return Action::C;
    }
    const double p =
        static_cast<double>(cooperations_[before]) / static_cast<double>(answers_[before]);
    return rng.bernoulli(p) ? Action::C : Action::D;
  }

 private:
  // Indexed by own move (C = 0, D = 1): opponent cooperations answering it, and answers seen.
  std::array<std::int64_t, 2> cooperations_ = {0, 1};
  std::array<std::int64_t, 2> answers_ = {0, 1};
  bool forgave_first_defection_ = false;
};

}  // namespace kindest::strategies
