#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Plays a fixed pattern of moves over and over, ignoring the opponent. The position in the
/// pattern is the turn number, so an execution error does not shift the pattern.
/// Family: Cycler(PATTERN), e.g. Cycler(CCD). Names: Periodic player [Mittal2009].
///
/// A cycle of length L needs memory L-1: the last L-1 own moves hold every move of the pattern
/// but one, and the next move is that one.
class Cycler : public StrategyOf<Cycler> {
 public:
  static constexpr StrategyInfo info{.id = "Cycler",
                                     .name = "Cycler",
                                     .aliases = "",
                                     .summary = "Repeat a fixed pattern of moves.",
                                     .cite = "Mittal2009",
                                     .memory_depth = -1,
                                     .stochastic = false};
  static constexpr std::string_view syntax =
      "Cycler(PATTERN)  PATTERN: one or more C/D moves repeated forever, e.g. Cycler(CCD)";

  /// Throws StrategyError unless `pattern` is a non-empty string of C and D.
  explicit Cycler(std::string_view pattern);
  static std::unique_ptr<Strategy> parse(std::string_view args);

  Action move(const History& own, const History&, Stream&) override {
    return pattern_[own.size() % pattern_.size()];
  }

 private:
  std::vector<Action> pattern_;
};

class CyclerCCD final : public StrategyOf<CyclerCCD, Cycler> {
 public:
  static constexpr StrategyInfo info{.id = "CyclerCCD",
                                     .name = "Cycler CCD",
                                     .aliases = "",
                                     .summary = "Repeat C, C, D.",
                                     .cite = "Mittal2009",
                                     .memory_depth = 2,
                                     .stochastic = false};
  CyclerCCD() : StrategyOf("CCD") {}
};

class CyclerDDC final : public StrategyOf<CyclerDDC, Cycler> {
 public:
  static constexpr StrategyInfo info{.id = "CyclerDDC",
                                     .name = "Cycler DDC",
                                     .aliases = "",
                                     .summary = "Repeat D, D, C.",
                                     .cite = "Mittal2009",
                                     .memory_depth = 2,
                                     .stochastic = false};
  CyclerDDC() : StrategyOf("DDC") {}
};

class CyclerDC final : public StrategyOf<CyclerDC, Cycler> {
 public:
  static constexpr StrategyInfo info{
      .id = "CyclerDC",
      .name = "Cycler DC",
      .aliases = "",
      .summary = "Repeat D, C (Alternator starting with a defection).",
      .cite = "Mittal2009",
      .memory_depth = 1,
      .stochastic = false};
  CyclerDC() : StrategyOf("DC") {}
};

class CyclerCCCD final : public StrategyOf<CyclerCCCD, Cycler> {
 public:
  static constexpr StrategyInfo info{.id = "CyclerCCCD",
                                     .name = "Cycler CCCD",
                                     .aliases = "",
                                     .summary = "Repeat C, C, C, D.",
                                     .cite = "Mittal2009",
                                     .memory_depth = 3,
                                     .stochastic = false};
  CyclerCCCD() : StrategyOf("CCCD") {}
};

class CyclerCCCCCD final : public StrategyOf<CyclerCCCCCD, Cycler> {
 public:
  static constexpr StrategyInfo info{.id = "CyclerCCCCCD",
                                     .name = "Cycler CCCCCD",
                                     .aliases = "",
                                     .summary = "Repeat five C then one D.",
                                     .cite = "Mittal2009",
                                     .memory_depth = 5,
                                     .stochastic = false};
  CyclerCCCCCD() : StrategyOf("CCCCCD") {}
};

class CyclerCCCDCD final : public StrategyOf<CyclerCCCDCD, Cycler> {
 public:
  static constexpr StrategyInfo info{.id = "CyclerCCCDCD",
                                     .name = "Cycler CCCDCD",
                                     .aliases = "",
                                     .summary = "Repeat C, C, C, D, C, D.",
                                     .cite = "Mittal2009",
                                     .memory_depth = 5,
                                     .stochastic = false};
  CyclerCCCDCD() : StrategyOf("CCCDCD") {}
};

}  // namespace kindest::strategies
