#pragma once
#include <array>
#include <cstdint>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// Paul Harrington's entry (K75R), 8th in Axelrod's second tournament [Axelrod1980b], as the
/// Axelrod library reads the Fortran. Mostly tit for tat, with three modes:
/// - Normal: defects after 20 opponent defections in a row; cooperates when one of two
///   alternately advanced "parity" counts of opponent defections reaches 5 (3 after 8 such
///   hits); plays scheduled cooperations; tit for tat to move 36, defects on move 37 and then
///   cooperates twice; later, unless "burned" (an opponent D answering such a generous D), it
///   makes that D-C-C probe with probability 0.25, rising by 0.05 each time.
/// - Defect: entered when, every 15 moves from move 30, the opponent looks random (a modified
///   chi-squared test of its replies against the two previous moves <= 3, its defection rate
///   between 1/4 and 3/4, mutual cooperation under 80%); defects until a meter (+1 per opponent
///   D, -3 per C) reaches 11, then cooperates thrice and never tests again.
/// - Fair-weather: when the opponent cooperated 36 times and then defected on move 37 (only
///   possible unprovoked), cooperates until its next defection.
/// The flags follow the library's bookkeeping (see second_by_harrington.cpp).
class SecondByHarrington final : public StrategyOf<SecondByHarrington> {
 public:
  static constexpr StrategyInfo info{
      .id = "SecondByHarrington",
      .name = "Second by Harrington",
      .aliases = "K75R",
      .summary = "TFT with D-C-C probes from move 37; D vs random-looking or 20-D opponents.",
      .cite = "Axelrod1980b",
      .memory_depth = -1,
      .stochastic = true};
  Action move(const History& own, const History& opponent, Stream& rng) override;

 private:
  enum class Mode { normal, fair_weather, defect };
  /// The move, with the end-of-turn bookkeeping of the library's try_return.
  Action done(Action a, bool lower_flags = true, bool count_parity = false);
  bool looks_random(std::int64_t turn) const;

  Mode mode_ = Mode::normal;
  std::int64_t recorded_defects_ = 0;  // opponent defections from its second move
  std::int64_t exit_defect_meter_ = 0;
  bool was_defective_ = false;
  double prob_ = 0.25;  // of a probe after move 37
  // Opponent replies (column C, D) by (own, opponent) moves two turns back (row CC CD DC DD).
  std::array<std::array<double, 2>, 4> replies_{};
  std::int64_t more_coop_ = 0;  // scheduled cooperations
  std::int64_t last_generous_ago_ = 3;
  bool burned_ = false;
  std::int64_t defect_streak_ = 0;
  std::array<std::int64_t, 2> parity_streak_{};
  std::size_t parity_bit_ = 0;
  std::int64_t parity_limit_ = 5;
  std::int64_t parity_hits_ = 0;
};

}  // namespace kindest::strategies
