#include "engine/jobs/tournament_job.hpp"

#include "engine/core/errors.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/record/hdf5_writer.hpp"
#include "engine/tournament/tournament_snapshot.hpp"

namespace kindest::jobs {

tournament::TournamentResult run_tournament_job(const config::Config& config,
                                                const PlayerResolver& resolve,
                                                const OutputOptions& output,
                                                const tournament::Progress& progress) {
  const auto players = resolve(config.text("tournament.players"));
  if (players.empty())
    throw ConfigError("config error: [tournament] players is required for job = tournament (" +
                      config.source() + ")");
  const auto settings = tournament_settings_from_config(config);
  record::Hdf5Writer writer(
      output.path, output.overwrite,
      {.job = "tournament", .seed = settings.seed, .config_ini = config.to_ini()});
  auto result = tournament::run_round_robin(players, game_from_config(config), settings, progress);
  writer.write(tournament::tournament_snapshot(result));
  writer.mark_complete();
  return result;
}

}  // namespace kindest::jobs
