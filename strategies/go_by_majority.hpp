#pragma once
#include <cstddef>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Plays the opponent's majority move over its last `window` moves (its whole history when
/// `window` is 0). A tie -- including the empty history of the first move -- means C for the
/// soft rule and D for the hard one. Names: Soft Majority, Hard Majority [Mittal2009].
///
/// The defection count over the window is kept incrementally, so a move costs O(1) whatever
/// the window; the whole-history rule reads History's running counts instead.
class GoByMajority : public StrategyOf<GoByMajority> {
 public:
  static constexpr StrategyInfo info{
      .id = "GoByMajority",
      .name = "Soft Go By Majority",
      .aliases = "SoftMajority",
      .summary = "Cooperate unless the opponent has defected more often than cooperated.",
      .cite = "Mittal2009",
      .memory_depth = -1,
      .stochastic = false};

  explicit GoByMajority(std::size_t window = 0, bool soft = true) : window_(window), soft_(soft) {}

  Action move(const History&, const History& opponent, Stream&) override {
    std::int64_t defections = 0;
    std::int64_t considered = 0;
    if (window_ == 0) {
      defections = opponent.defections();
      considered = static_cast<std::int64_t>(opponent.size());
    } else {
      defections = windowed_defections(opponent);
      considered = static_cast<std::int64_t>(opponent.size() < window_ ? opponent.size() : window_);
    }
    const std::int64_t cooperations = considered - defections;
    if (defections != cooperations) return defections > cooperations ? Action::D : Action::C;
    return soft_ ? Action::C : Action::D;
  }

 private:
  std::int64_t windowed_defections(const History& opponent) {
    if (opponent.size() < seen_) {  // a new match
      seen_ = 0;
      window_defections_ = 0;
    }
    for (; seen_ < opponent.size(); ++seen_) {
      window_defections_ += opponent[seen_] == Action::D;
      if (seen_ >= window_) window_defections_ -= opponent[seen_ - window_] == Action::D;
    }
    return window_defections_;
  }

  std::size_t window_;
  bool soft_;
  std::size_t seen_ = 0;                // opponent moves already counted
  std::int64_t window_defections_ = 0;  // among the last min(seen_, window_) of them
};

/// A named (window, soft) instance of GoByMajority: Derived only adds its own `info`.
template <class Derived, std::size_t Window, bool Soft>
class MajorityOf : public StrategyOf<Derived, GoByMajority> {
 public:
  MajorityOf() : StrategyOf<Derived, GoByMajority>(Window, Soft) {}
};

class HardGoByMajority final : public MajorityOf<HardGoByMajority, 0, false> {
 public:
  static constexpr StrategyInfo info{
      .id = "HardGoByMajority",
      .name = "Hard Go By Majority",
      .aliases = "HardMajority",
      .summary = "Defect unless the opponent has cooperated more often than defected.",
      .cite = "Mittal2009",
      .memory_depth = -1,
      .stochastic = false};
};

class GoByMajority5 final : public MajorityOf<GoByMajority5, 5, true> {
 public:
  static constexpr StrategyInfo info{
      .id = "GoByMajority5",
      .name = "Soft Go By Majority 5",
      .aliases = "",
      .summary = "Soft majority over the opponent's last 5 moves (tie: C).",
      .cite = "Mittal2009",
      .memory_depth = 5,
      .stochastic = false};
};

class GoByMajority10 final : public MajorityOf<GoByMajority10, 10, true> {
 public:
  static constexpr StrategyInfo info{
      .id = "GoByMajority10",
      .name = "Soft Go By Majority 10",
      .aliases = "",
      .summary = "Soft majority over the opponent's last 10 moves (tie: C).",
      .cite = "Mittal2009",
      .memory_depth = 10,
      .stochastic = false};
};

class GoByMajority20 final : public MajorityOf<GoByMajority20, 20, true> {
 public:
  static constexpr StrategyInfo info{
      .id = "GoByMajority20",
      .name = "Soft Go By Majority 20",
      .aliases = "",
      .summary = "Soft majority over the opponent's last 20 moves (tie: C).",
      .cite = "Mittal2009",
      .memory_depth = 20,
      .stochastic = false};
};

class GoByMajority40 final : public MajorityOf<GoByMajority40, 40, true> {
 public:
  static constexpr StrategyInfo info{
      .id = "GoByMajority40",
      .name = "Soft Go By Majority 40",
      .aliases = "",
      .summary = "Soft majority over the opponent's last 40 moves (tie: C).",
      .cite = "Mittal2009",
      .memory_depth = 40,
      .stochastic = false};
};

class HardGoByMajority5 final : public MajorityOf<HardGoByMajority5, 5, false> {
 public:
  static constexpr StrategyInfo info{
      .id = "HardGoByMajority5",
      .name = "Hard Go By Majority 5",
      .aliases = "",
      .summary = "Hard majority over the opponent's last 5 moves (tie: D).",
      .cite = "Mittal2009",
      .memory_depth = 5,
      .stochastic = false};
};

class HardGoByMajority10 final : public MajorityOf<HardGoByMajority10, 10, false> {
 public:
  static constexpr StrategyInfo info{
      .id = "HardGoByMajority10",
      .name = "Hard Go By Majority 10",
      .aliases = "",
      .summary = "Hard majority over the opponent's last 10 moves (tie: D).",
      .cite = "Mittal2009",
      .memory_depth = 10,
      .stochastic = false};
};

class HardGoByMajority20 final : public MajorityOf<HardGoByMajority20, 20, false> {
 public:
  static constexpr StrategyInfo info{
      .id = "HardGoByMajority20",
      .name = "Hard Go By Majority 20",
      .aliases = "",
      .summary = "Hard majority over the opponent's last 20 moves (tie: D).",
      .cite = "Mittal2009",
      .memory_depth = 20,
      .stochastic = false};
};

class HardGoByMajority40 final : public MajorityOf<HardGoByMajority40, 40, false> {
 public:
  static constexpr StrategyInfo info{
      .id = "HardGoByMajority40",
      .name = "Hard Go By Majority 40",
      .aliases = "",
      .summary = "Hard majority over the opponent's last 40 moves (tie: D).",
      .cite = "Mittal2009",
      .memory_depth = 40,
      .stochastic = false};
};

}  // namespace kindest::strategies
