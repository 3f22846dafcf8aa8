#include "engine/jobs/from_config.hpp"

#include "engine/core/errors.hpp"
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

dynamics::ProcessSettings process_settings_from_config(const config::Config& c) {
  const std::string process = c.text("dynamics.process");
  dynamics::ProcessSettings s;
  s.kind = process == "moran_birth_death"   ? dynamics::ProcessKind::moran_birth_death
           : process == "moran_death_birth" ? dynamics::ProcessKind::moran_death_birth
           : process == "wright_fisher"     ? dynamics::ProcessKind::wright_fisher
                                            : dynamics::ProcessKind::pairwise_comparison;
  s.selection_intensity = c.real("dynamics.selection_intensity");
  s.fitness_mapping = c.text("dynamics.fitness_mapping") == "exponential"
                          ? dynamics::FitnessMapping::exponential
                          : dynamics::FitnessMapping::linear;
  s.mutation_rate = c.real("dynamics.mutation_rate");
  s.self_interaction = c.boolean("population.self_interaction");
  return s;
}

dynamics::InvasionSettings invasion_settings_from_config(const config::Config& c) {
  dynamics::InvasionSettings s;
  s.space = c.text("invasion.space") == "reactive" ? dynamics::StrategySpace::reactive
                                                   : dynamics::StrategySpace::memory_one;
  s.distribution = c.text("invasion.mutant_distribution") == "uniform"
                       ? dynamics::MutantDistribution::uniform
                       : dynamics::MutantDistribution::arcsine;
  s.mutation_probability = c.real("invasion.mutation_probability");
  s.mutant_frequency = c.real("invasion.mutant_frequency");
  s.extinction_threshold = c.real("invasion.extinction_threshold");
  s.min_probability = c.real("invasion.min_probability");
  s.background_fitness = c.real("invasion.background_fitness");
  if (s.extinction_threshold >= s.mutant_frequency)
    throw ConfigError("config error: [invasion] extinction_threshold = " +
                      c.text("invasion.extinction_threshold") +
                      " must be below mutant_frequency = " + c.text("invasion.mutant_frequency") +
                      ", or every mutant dies on arrival (" + c.source() + ")");
  return s;
}

}  // namespace kindest::jobs
