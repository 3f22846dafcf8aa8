#include "engine/match/match.hpp"

#include <cmath>

namespace kindest::match {

MatchResult Match::play(Strategy& a, Strategy& b, Stream& rng) {
  const std::int64_t turns = settings_.continuation_probability > 0
                                 ? rng.geometric_length(settings_.continuation_probability)
                                 : settings_.turns;
  // Like the Axelrod library, a fixed-length match tells its players the length; a random one
  // does not (they would otherwise learn when it ends). Both learn the game.
  MatchAttributes attributes{.length = std::nullopt, .payoffs = table_};
  if (settings_.continuation_probability == 0) attributes.length = turns;
  a.set_match_attributes(attributes);
  b.set_match_attributes(attributes);
  // Both players' noise comes from one 64-bit draw: each half is compared with epsilon * 2^32,
  // so epsilon is resolved to 2^-32 (2.3e-10) and a noisy turn costs one draw, not two.
  const double noise = settings_.execution_error_rate;
  const auto threshold = static_cast<std::uint64_t>(std::ldexp(noise, 32));
  history_a_.clear();
  history_b_.clear();
  double score_a = 0, score_b = 0;
  for (std::int64_t t = 0; t < turns; ++t) {
    Action x = a.move(history_a_, history_b_, rng);
    Action y = b.move(history_b_, history_a_, rng);
    if (noise > 0) {
      const std::uint64_t bits = rng.bits();
      if ((bits >> 32) < threshold) x = flip(x);
      if ((bits & 0xffffffffu) < threshold) y = flip(y);
    }
    history_a_.push(x);
    history_b_.push(y);
    const int ix = static_cast<int>(x), iy = static_cast<int>(y);
    score_a += table_[2 * ix + iy];
    score_b += table_[2 * iy + ix];
  }
  return {{score_a, score_b}, {history_a_.cooperations(), history_b_.cooperations()}, turns};
}

std::vector<std::pair<Action, Action>> Match::moves() const {
  std::vector<std::pair<Action, Action>> out;
  out.reserve(history_a_.size());
  for (std::size_t t = 0; t < history_a_.size(); ++t)
    out.emplace_back(history_a_[t], history_b_[t]);
  return out;
}

}  // namespace kindest::match
