#pragma once
// Strategies of the reputation game. A strategy is an action rule (C or D given its own
// reputation and the recipient's, both in its own eyes) plus an assessment rule (a norm), or,
// in Nowak & Sigmund's image-score mode, a threshold on the recipient's integer score.
//
// Specs (case-insensitive names):
//   ALLC, ALLD        always C / always D; judge others with the population's norm
//   DISC              C iff the recipient is G; judges with the population's norm
//   L1 .. L8          a leading-eight norm with its own action rule
//   Action(R)         action rule R (0..15 by action_entry, or ALLC/ALLD/DISC), population norm
//   Pair(NORM/R)      any norm (see parse_norm: a name, second:<c>, third:<c>, stochastic:<p..>)
//                     with action rule R, e.g. Pair(SternJudging/DISC), Pair(third:186/11)
//   Score(K)          image scores: C iff the recipient's score is >= K, K in [-5, 6]
//   Group(IN, OUT)    group-aware: the strategy IN (any spec above but Score and Group) toward
//                     and judging in-group actions (donor and recipient in one group), OUT
//                     toward and judging out-group ones, e.g. Group(DISC, ALLD) (in-group
//                     favouritism), Group(L6, Pair(ImageScoring/ALLD))
// In image-score mode ALLC and ALLD are the thresholds -5 and 6.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/reputation/norm.hpp"

namespace kindest::reputation {

inline constexpr int min_score = -5;
inline constexpr int max_score = 5;

struct Strategy {
  std::string name;              // as the user wrote it, canonical case: "L3", "DISC", "Score(0)"
  ActionRule action;             // the norm-based action rule
  std::optional<Norm> norm;      // nullopt: judges with the population's norm
  std::optional<int> threshold;  // image-score strategies (Score(K)) only
  // Toward out-group recipients and for judging out-group actions (engine/reputation/groups.hpp);
  // the same as action and norm for every spec but Group(IN, OUT).
  ActionRule out_action;
  std::optional<Norm> out_norm;  // nullopt: the population's out-group norm
  bool grouped = false;          // a Group(IN, OUT) spec
  /// Whether the strategy works with image scores (Score(K), ALLC, ALLD).
  bool scores_ok = false;
  /// Whether it works with norms (everything but Score(K)).
  bool norms_ok = true;
  /// Threshold used in image-score mode (ALLC -5, ALLD 6, Score(K) K).
  int score_threshold() const noexcept { return threshold.value_or(action.code == 0 ? 6 : -5); }
};

/// Parses one spec. Throws std::invalid_argument naming the spec, with a "did you mean" hint or
/// the allowed range.
Strategy parse_strategy(std::string_view spec);

/// The action rule of a spec token: 0..15, ALLC, ALLD or DISC.
ActionRule parse_action_rule(std::string_view text);

}  // namespace kindest::reputation
