#include "engine/jobs/tournament_job.hpp"

#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/resources.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/record/hdf5_writer.hpp"
#include "engine/tournament/tournament_snapshot.hpp"

namespace kindest::jobs {
namespace {

JobResult run(const JobContext& context) {
  const auto result = run_tournament_job(context.config, context.resolve, context.output,
                                         [&](std::size_t d, std::size_t t) {
                                           if (context.progress) context.progress(d, t);
                                         });
  return {tournament_summary(result, context.config.boolean("tournament.self_play")), false};
}

}  // namespace

const JobSpec& tournament_job() {
  static const JobSpec spec{.name = "tournament",
                            .description =
                                "Round robin among `[tournament] players`: every pair plays "
                                "`repetitions` matches",
                            .reads = "[tournament] [match] [game] [run]",
                            .writes = "/tournament",
                            .progress_unit = "pairs",
                            .resumable = false,
                            .run = run};
  return spec;
}

Summary tournament_summary(const tournament::TournamentResult& r, bool self_play) {
  const std::size_t n = r.size();
  SummaryTable t{.name = "ranking",
                 .title = "Ranking by mean score per turn against the others",
                 .row_header = "Player"};
  SummaryColumn rank{"rank", "rank", {}, ColumnFormat::integer},
      score{"score_per_turn", "score/turn", {}, ColumnFormat::fixed4},
      with_self{"score_per_turn_with_self", "with self", {}, ColumnFormat::fixed4},
      cooperation{"cooperation_rate", "cooperation", {}, ColumnFormat::fixed4},
      wins{"wins", "wins", {}, ColumnFormat::integer};
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = r.ranking[k];
    double coop = 0, won = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      coop += r.cooperation_rate[i * n + j];
      won += static_cast<double>(r.wins[i * n + j]);
    }
    t.rows.push_back(r.players[i]);
    rank.values.push_back(static_cast<double>(k + 1));
    score.values.push_back(r.mean_score_per_turn[i]);
    with_self.values.push_back(r.mean_score_per_turn_with_self[i]);
    cooperation.values.push_back(n > 1 ? coop / static_cast<double>(n - 1) : std::nan(""));
    wins.values.push_back(won);
  }
  t.columns = {rank, score};
  if (self_play) t.columns.push_back(with_self);
  t.columns.push_back(cooperation);
  t.columns.push_back(wins);
  return {{t}};
}

namespace {

// What a tournament can take, checked before any match (a 1e9-turn Axelrod tournament ran
// for hours and, with more threads, ended in std::bad_alloc). Two limits, whichever bites:
//  - memory: each match running keeps both players' histories, a byte per move each, in vectors
//    that double as they grow (3 bytes per move while one moves), so up to 8 bytes per turn
//    with the strategies' own state, for as many matches as run at once (threads, at most one
//    per pair). Random-length matches are bounded by their mean here; their longest is longer.
//  - work: kMaxTournamentTurns simulated turns. On a 2-core machine a 1e9-turn match needs
//    2.7 GB, so memory is not what stops Axelrod's field at 1e9 turns: its 1.8e11 turns would
//    take about a day at the ~2e6 turns per second measured there (bench/README.md), and no
//    tournament can be stopped part-way and resumed. The bound is time, as analysis's is.
constexpr double kMaxTournamentTurns = 1e11;

void check_tournament_size(const config::Config& config, const std::vector<Player>& players,
                           const tournament::TournamentSettings& settings) {
  const bool random_length = settings.match.continuation_probability > 0;
  const double turns = random_length ? 1 / (1 - settings.match.continuation_probability)
                                     : static_cast<double>(settings.match.turns);
  const std::string length_key =
      random_length
          ? "[match] continuation_probability = " + config.text("match.continuation_probability") +
                " (mean length " + estimate_text(turns) + " turns)"
          : "[match] turns = " + config.text("match.turns");
  const auto concurrent =
      std::min<std::size_t>(static_cast<std::size_t>(tbb::this_task_arena::max_concurrency()),
                            tournament::pair_count(players.size(), settings.self_play));
  require_memory(8.0 * turns * static_cast<double>(concurrent),
                 length_key + " (histories of " + std::to_string(concurrent) +
                     " matches at once, 8 bytes per turn each)",
                 "lower [match] turns or --threads");
  const double total = tournament::turns_to_simulate(players, settings);
  if (total <= kMaxTournamentTurns) return;
  throw ResourceError(
      length_key + " with " + std::to_string(players.size()) +
      " players and [tournament] repetitions = " + config.text("tournament.repetitions") +
      " simulates about " + estimate_text(total) + " turns, more than the " +
      number_text(kMaxTournamentTurns) +
      " a tournament takes (about a day at 2e6 turns per second); lower [match] "
      "turns" +
      (random_length ? " (or continuation_probability)" : "") +
      ", [tournament] repetitions or the players (" + config.source() + ")");
}

}  // namespace

tournament::TournamentResult run_tournament_job(const config::Config& config,
                                                const PlayerResolver& resolve,
                                                const OutputOptions& output,
                                                const tournament::Progress& progress) {
  const auto players = resolve(config.text("tournament.players"));
  if (players.empty())
    throw ConfigError("config error: [tournament] players is required for job = tournament (" +
                      config.source() + ")");
  const auto settings = tournament_settings_from_config(config);
  // One player without self-play plays no match: every score would be NaN.
  if (players.size() < 2 && !settings.self_play)
    throw ConfigError("config error: [tournament] players = " + config.text("tournament.players") +
                      " is one player and self_play = false, so no match would be played; give "
                      "at least two players or set self_play = true (" +
                      config.source() + ")");
  check_tournament_size(config, players, settings);
  // The file is created once the matches are played: a tournament that fails or is stopped
  // part-way leaves no file that blocks a rerun (the path is checked first, so a bad one still
  // fails before the work).
  record::check_output_path(output.path, output.overwrite);
  auto result = tournament::run_round_robin(players, game_from_config(config), settings, progress);
  if (output.discard) return result;
  record::Hdf5Writer writer(output.path, output.overwrite,
                            {.job = std::string(tournament_job().name),
                             .seed = settings.seed,
                             .config_ini = config.to_ini()});
  writer.write(tournament::tournament_snapshot(result));
  write_summary(writer, tournament_summary(result, settings.self_play));
  writer.mark_complete();
  return result;
}

}  // namespace kindest::jobs
