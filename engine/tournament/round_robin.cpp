#include "engine/tournament/round_robin.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kindest::tournament {
namespace {

// Welford's running mean and variance, fed in repetition order so the result is reproducible.
struct Running {
  std::int64_t n = 0;
  double mean = 0, m2 = 0;
  /// Adds x `times` times. From empty that is exactly what `times` single adds give (the mean
  /// is x and m2 is 0 after the first), in O(1).
  void add(double x, std::int64_t times = 1) {
    if (n == 0 && times > 1) {
      n = times;
      mean = x;
      return;
    }
    for (std::int64_t k = 0; k < times; ++k) {
      ++n;
      const double d = x - mean;
      mean += d / static_cast<double>(n);
      m2 += d * (x - mean);
    }
  }
  double std() const { return n > 1 ? std::sqrt(m2 / static_cast<double>(n - 1)) : 0.0; }
};

struct PairStats {
  Running score[2], cooperation[2];
  Running self_score, self_cooperation;  // self-play: per repetition, the two copies' average
  std::uint64_t wins[2] = {0, 0};
  std::uint64_t turns = 0, turns_simulated = 0;
};

// Adds one match, standing for `times` identical repetitions.
void add(PairStats& st, const match::MatchResult& r, bool self_play, std::int64_t times) {
  const double turns = static_cast<double>(r.turns);
  for (int p = 0; p < 2; ++p) {
    st.score[p].add(r.score[p] / turns, times);
    st.cooperation[p].add(static_cast<double>(r.cooperations[p]) / turns, times);
  }
  if (self_play) {
    st.self_score.add((r.score[0] + r.score[1]) / (2 * turns), times);
    st.self_cooperation.add(
        static_cast<double>(r.cooperations[0] + r.cooperations[1]) / (2 * turns), times);
  }
  const auto n = static_cast<std::uint64_t>(times);
  st.wins[0] += r.score[0] > r.score[1] ? n : 0;
  st.wins[1] += r.score[1] > r.score[0] ? n : 0;
  st.turns += static_cast<std::uint64_t>(r.turns) * n;
}

PairStats play_pair(const Player& a, const Player& b, std::size_t i, std::size_t j,
                    match::Match& match, const TournamentSettings& s) {
  PairStats st;
  const std::int64_t plays = plays_per_pair(a, b, s);
  const std::int64_t times = s.repetitions / plays;  // identical repetitions each play stands for
  for (std::int64_t rep = 0; rep < plays; ++rep) {
    auto x = a.prototype->clone();
    auto y = b.prototype->clone();
    Stream rng = match_stream(s.seed, i, j, static_cast<std::uint64_t>(rep));
    const auto r = match.play(*x, *y, rng);
    st.turns_simulated += static_cast<std::uint64_t>(r.turns);
    add(st, r, i == j, times);
  }
  return st;
}

}  // namespace

std::int64_t plays_per_pair(const Player& a, const Player& b, const TournamentSettings& s) {
  // Two deterministic rules without noise replay the same match: play it once.
  const bool deterministic = s.match.is_deterministic() && !a.prototype->info().stochastic &&
                             !b.prototype->info().stochastic;
  return deterministic ? 1 : s.repetitions;
}

double turns_to_simulate(const std::vector<Player>& players, const TournamentSettings& s) {
  const double w = s.match.continuation_probability;
  const double turns = w > 0 ? 1 / (1 - w) : static_cast<double>(s.match.turns);
  double matches = 0;
  for (std::size_t i = 0; i < players.size(); ++i)
    for (std::size_t j = s.self_play ? i : i + 1; j < players.size(); ++j)
      matches += static_cast<double>(plays_per_pair(players[i], players[j], s));
  return matches * turns;
}

std::size_t pair_count(std::size_t players, bool self_play) {
  return players * (players - 1) / 2 + (self_play ? players : 0);
}

TournamentResult run_round_robin(const std::vector<Player>& players,
                                 const games::PrisonersDilemma& game,
                                 const TournamentSettings& settings, const Progress& progress) {
  const std::size_t n = players.size();
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = settings.self_play ? i : i + 1; j < n; ++j) pairs.emplace_back(i, j);

  std::vector<PairStats> stats(pairs.size());
  std::atomic<std::size_t> done{0};
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, pairs.size(), 1),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      match::Match match(game, settings.match);
                      for (std::size_t k = range.begin(); k != range.end(); ++k) {
                        const auto [i, j] = pairs[k];
                        stats[k] = play_pair(players[i], players[j], i, j, match, settings);
                        const std::size_t finished = ++done;
                        if (progress) progress(finished, pairs.size());
                      }
                    });

  TournamentResult out;
  for (const auto& p : players) out.players.push_back(p.name);
  const double nan = std::nan("");
  for (auto* m : {&out.score_per_turn, &out.score_per_turn_std, &out.cooperation_rate,
                  &out.cooperation_rate_std})
    m->assign(n * n, nan);
  out.wins.assign(n * n, 0);
  out.turns.assign(n * n, 0);
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const auto [i, j] = pairs[k];
    const PairStats& st = stats[k];
    out.turns_simulated += st.turns_simulated;
    out.turns_total += st.turns;
    if (i == j) {
      const std::size_t c = i * n + i;
      out.score_per_turn[c] = st.self_score.mean;
      out.score_per_turn_std[c] = st.self_score.std();
      out.cooperation_rate[c] = st.self_cooperation.mean;
      out.cooperation_rate_std[c] = st.self_cooperation.std();
      out.turns[c] = st.turns;
      continue;
    }
    const std::size_t cells[2] = {i * n + j, j * n + i};
    for (int p = 0; p < 2; ++p) {
      out.score_per_turn[cells[p]] = st.score[p].mean;
      out.score_per_turn_std[cells[p]] = st.score[p].std();
      out.cooperation_rate[cells[p]] = st.cooperation[p].mean;
      out.cooperation_rate_std[cells[p]] = st.cooperation[p].std();
      out.wins[cells[p]] = st.wins[p];
      out.turns[cells[p]] = st.turns;
    }
  }
  out.mean_score_per_turn.assign(n, nan);
  out.mean_score_per_turn_with_self.assign(n, nan);
  for (std::size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (std::size_t j = 0; j < n; ++j)
      if (j != i) sum += out.score_per_turn[i * n + j];
    if (n > 1) out.mean_score_per_turn[i] = sum / static_cast<double>(n - 1);
    if (settings.self_play)
      out.mean_score_per_turn_with_self[i] =
          (sum + out.score_per_turn[i * n + i]) / static_cast<double>(n);
  }
  out.ranking.resize(n);
  std::iota(out.ranking.begin(), out.ranking.end(), 0u);
  std::stable_sort(out.ranking.begin(), out.ranking.end(), [&](std::uint32_t a, std::uint32_t b) {
    return out.mean_score_per_turn[a] > out.mean_score_per_turn[b];
  });
  return out;
}

}  // namespace kindest::tournament
