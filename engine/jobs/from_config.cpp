#include "engine/jobs/from_config.hpp"

#include "engine/games/donation_game.hpp"

namespace kindest::jobs {

games::PrisonersDilemma game_from_config(const config::Config& c) {
  if (c.text("game.type") == "donation_game")
    return games::DonationGame{c.real("game.benefit"), c.real("game.cost")}.as_matrix_game();
  return {c.real("game.reward"), c.real("game.sucker"), c.real("game.temptation"),
          c.real("game.punishment")};
}

match::MatchSettings match_settings_from_config(const config::Config& c) {
  return {.turns = c.integer("match.turns"),
          .continuation_probability = c.real("match.continuation_probability"),
          .execution_error_rate = c.real("match.execution_error_rate")};
}

tournament::TournamentSettings tournament_settings_from_config(const config::Config& c) {
  return {.match = match_settings_from_config(c),
          .repetitions = c.integer("tournament.repetitions"),
          .self_play = c.boolean("tournament.self_play"),
          .seed = c.unsigned_integer("run.seed")};
}

}  // namespace kindest::jobs
