#pragma once
// Hunters: cooperate until the opponent looks like a known simple rule, then exploit it.
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

namespace detail {
/// The shortest period p in [min_period, min(max_period, size/2)] such that `moves[offset..]`
/// repeats its first p moves throughout, as the Axelrod library's detect_cycle; nothing if none.
std::optional<std::size_t> shortest_period(const History& moves, std::size_t min_period,
                                           std::size_t max_period = 12, std::size_t offset = 0);
/// True when moves[offset .. offset+period) holds both C and D.
bool period_mixes(const History& moves, std::size_t period, std::size_t offset = 0);
}  // namespace detail

/// Cooperates, but defects from move 5 on while the opponent has only ever defected.
/// Original to the Axelrod library [Knight2016].
class DefectorHunter final : public StrategyOf<DefectorHunter> {
 public:
  static constexpr StrategyInfo info{
      .id = "DefectorHunter",
      .name = "Defector Hunter",
      .aliases = "",
      .summary = "C; from move 5 D while the opponent only defected.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    return own.size() >= 4 && opponent.cooperations() == 0 ? Action::D : Action::C;
  }
};

/// Cooperates, but defects from move 5 on while the opponent has only ever cooperated.
/// Original to the Axelrod library [Knight2016].
class CooperatorHunter final : public StrategyOf<CooperatorHunter> {
 public:
  static constexpr StrategyInfo info{
      .id = "CooperatorHunter",
      .name = "Cooperator Hunter",
      .aliases = "",
      .summary = "C; from move 5 D while the opponent only cooperated.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    return own.size() >= 4 && opponent.defections() == 0 ? Action::D : Action::C;
  }
};

/// Cooperates for six moves; defects for the rest of the match if the opponent's first six
/// moves alternated. Original to the Axelrod library [Knight2016].
class AlternatorHunter final : public StrategyOf<AlternatorHunter> {
 public:
  static constexpr StrategyInfo info{
      .id = "AlternatorHunter",
      .name = "Alternator Hunter",
      .aliases = "",
      .summary = "C for 6 moves; D for good if the opponent's first 6 moves alternated.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (opponent.size() < 6) return Action::C;
    if (own.size() == 6) {
      alternator_ = true;
      for (std::size_t t = 0; t + 1 < 6; ++t)
        if (opponent[t] == opponent[t + 1]) alternator_ = false;
    }
    return alternator_ ? Action::D : Action::C;
  }

 private:
  bool alternator_ = false;
};

/// Cooperates until the opponent's whole history is a repetition of a pattern of 3 to 12
/// moves holding both C and D, then defects for good. Original to the Axelrod library
/// [Knight2016].
class CycleHunter final : public StrategyOf<CycleHunter> {
 public:
  static constexpr StrategyInfo info{
      .id = "CycleHunter",
      .name = "Cycle Hunter",
      .aliases = "",
      .summary = "C until the opponent repeats a mixed pattern of 3-12 moves, then D for good.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (found_) return Action::D;
    const auto period = detail::shortest_period(opponent, 3);
    if (period && detail::period_mixes(opponent, *period)) {
      found_ = true;
      return Action::D;
    }
    return Action::C;
  }

 private:
  bool found_ = false;
};

/// Cooperates for ten moves and against an opponent that never defected; every tenth move it
/// checks whether the opponent's moves after its first ten repeat a pattern of 3 to 12 moves,
/// and defects until the next check if they do. Original to the Axelrod library [Knight2016].
class EventualCycleHunter final : public StrategyOf<EventualCycleHunter> {
 public:
  static constexpr StrategyInfo info{
      .id = "EventualCycleHunter",
      .name = "Eventual Cycle Hunter",
      .aliases = "",
      .summary = "C; every 10 moves D if the opponent's moves after its 10th repeat a pattern.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History&, const History& opponent, Stream&) override {
    if (opponent.size() < 10 || opponent.defections() == 0) return Action::C;
    if (opponent.size() % 10 == 0)
      found_ = detail::shortest_period(opponent, 3, 12, 10).has_value();
    return found_ ? Action::D : Action::C;
  }

 private:
  bool found_ = false;
};

/// From move 9, against an opponent that has both cooperated and defected, compares the share
/// of cooperations (both players' moves) in the first half, the middle half and the second
/// half of the match so far, and defects when they all lie within 0.2 of one another's first:
/// a steady ratio, as of a player built on a mathematical constant. Original to the Axelrod
/// library [Knight2016].
class MathConstantHunter final : public StrategyOf<MathConstantHunter> {
 public:
  static constexpr StrategyInfo info{
      .id = "MathConstantHunter",
      .name = "Math Constant Hunter",
      .aliases = "",
      .summary = "C; from move 9 D when the C share is steady across three parts of the match.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    const std::size_t n = own.size();
    if (n < 8 || opponent.cooperations() == 0 || opponent.defections() == 0) return Action::C;
    auto share = [&](std::size_t begin, std::size_t end) {
      std::int64_t c = 0;
      for (std::size_t t = begin; t < end; ++t)
        c += (own[t] == Action::C) + (opponent[t] == Action::C);
      return 0.5 * static_cast<double>(c) / static_cast<double>(end - begin);
    };
    const double first = share(0, n / 2);
    const double middle = share(n / 4, 3 * n / 4);
    const double last = share(n / 2, n);
    return std::abs(first - middle) < 0.2 && std::abs(first - last) < 0.2 ? Action::D : Action::C;
  }
};

/// Counts how often the opponent answered its C with C and its D with D. From move 12, when
/// each of those rates it can estimate (over more than 5 own moves of that kind) lies within
/// 0.25 of 1/2 -- an opponent that ignores it, as a coin does -- it defects. Original to the
/// Axelrod library [Knight2016].
class RandomHunter final : public StrategyOf<RandomHunter> {
 public:
  static constexpr StrategyInfo info{
      .id = "RandomHunter",
      .name = "Random Hunter",
      .aliases = "",
      .summary =
          "C; from move 12 D when the opponent answers C with C and D with D about half the time.",
      .cite = "Knight2016",
      .memory_depth = -1,
      .stochastic = false};
  Action move(const History& own, const History& opponent, Stream&) override {
    if (own.size() > 1) {
      if (own.back(2) == Action::C && opponent.back() == Action::C) ++answered_c_;
      if (own.back(2) == Action::D && opponent.back() == Action::D) ++answered_d_;
    }
    if (own.size() <= 10) return Action::C;
    std::vector<double> rates;
    if (own.cooperations() > 5)
      rates.push_back(static_cast<double>(answered_c_) / static_cast<double>(own.cooperations()));
    if (own.defections() > 5)
      rates.push_back(static_cast<double>(answered_d_) / static_cast<double>(own.defections()));
    if (rates.empty()) return Action::C;
    for (double p : rates)
      if (!(std::abs(p - 0.5) < 0.25)) return Action::C;
    return Action::D;
  }

 private:
  std::int64_t answered_c_ = 0;
  std::int64_t answered_d_ = 0;
};

}  // namespace kindest::strategies
