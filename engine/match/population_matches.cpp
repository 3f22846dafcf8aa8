#include "engine/match/population_matches.hpp"

#include "engine/core/stop.hpp"

namespace kindest::match {

RealisedGame play_population_matches(const std::vector<Player>& players,
                                     const std::vector<std::uint32_t>& counts,
                                     const games::PrisonersDilemma& game,
                                     const MatchSettings& settings, std::uint64_t seed,
                                     std::uint64_t replicate, std::uint64_t generation,
                                     const std::atomic<bool>* stop) {
  const std::size_t s = players.size();
  std::uint64_t z = 0;
  std::vector<std::uint64_t> first(s);  // index of each strategy's first individual
  for (std::size_t i = 0; i < s; ++i) {
    first[i] = z;
    z += counts[i];
  }
  games::PayoffMatrix score(s), coop(s), matches(s);
  Match match(game, settings);
  auto play = [&](std::size_t i, std::size_t j, std::uint64_t index) {
    // A match is at least a clone of two strategies, so one relaxed load per match costs
    // nothing measurable (poll_stop's every-2^20 spacing is for loops of single events).
    throw_if_stopped(stop);
    auto a = players[i].prototype->clone();
    auto b = players[j].prototype->clone();
    Stream rng = population_match_stream(seed, replicate, generation, index);
    const auto r = match.play(*a, *b, rng);
    const double turns = static_cast<double>(r.turns);
    score(i, j) += r.score[0] / turns;
    coop(i, j) += static_cast<double>(r.cooperations[0]) / turns;
    score(j, i) += r.score[1] / turns;
    coop(j, i) += static_cast<double>(r.cooperations[1]) / turns;
    matches(i, j) += 1;
    if (i != j) matches(j, i) += 1;
  };
  for (std::size_t i = 0; i < s; ++i)
    for (std::size_t j = i; j < s; ++j) {
      const bool pairs_exist = i == j ? counts[i] >= 2 : counts[i] >= 1 && counts[j] >= 1;
      if (!pairs_exist) {
        play(i, j, z * z + i * s + j);
        continue;
      }
      for (std::uint64_t a = first[i]; a < first[i] + counts[i]; ++a)
        for (std::uint64_t b = i == j ? a + 1 : first[j]; b < first[j] + counts[j]; ++b)
          play(i, j, a * z + b);
    }
  for (std::size_t i = 0; i < s; ++i)
    for (std::size_t j = 0; j < s; ++j) {
      // A self-pair adds both players' scores to the same cell: two observations per match.
      const double n = i == j ? 2 * matches(i, j) : matches(i, j);
      score(i, j) /= n;
      coop(i, j) /= n;
    }
  return {score, coop};
}

}  // namespace kindest::match
