#include "engine/jobs/from_config.hpp"

#include "engine/config/choices.hpp"
#include "engine/core/errors.hpp"
#include "engine/games/donation_game.hpp"

namespace kindest::jobs {
namespace {

// Which config key sets each model parameter that a config can get wrong. `parameter` matches
// ModelError::parameter() exactly, or as a prefix when it ends in '*'.
struct ParameterKey {
  std::string_view model, parameter, key;
};
constexpr ParameterKey kParameterKeys[] = {
    {"fixation probability", "selection_intensity", "dynamics.selection_intensity"},
    {"fixation probability", "selection_intensity w", "dynamics.selection_intensity"},
    {"fixation probability", "population size Z", "population.size"},
    {"finite population", "selection_intensity w", "dynamics.selection_intensity"},
    {"multilevel selection", "selection_intensity", "dynamics.selection_intensity"},
    {"multilevel selection", "split_probability", "groups.split_probability"},
    {"local mutation", "scale sigma", "dynamics.mutation_scale"},
    {"ecological dynamics", "payoff *", "payoffs.matrix"},
    {"replicator", "mutation_rate", "dynamics.mutation_rate"},
    {"replicator", "t_end", "replicator.time"},
    {"replicator", "record_interval", "replicator.record_interval"},
    {"replicator", "abs_tol", "replicator.tolerance"},
    {"replicator", "rel_tol", "replicator.tolerance"},
    {"N-player game", "group_size", "payoffs.group_size"},
    {"threshold public goods game", "threshold M", "payoffs.threshold"},
    {"ring", "k", "structure.degree"},
    {"ring", "n", "population.size"},
    {"random regular graph", "k", "structure.degree"},
    {"random regular graph", "n k", "structure.degree"},
    {"Barabasi-Albert graph", "m", "structure.degree"},
    {"Barabasi-Albert graph", "n", "population.size"},
    {"square lattice", "side", "population.size"},
    {"graph population", "selection intensity", "dynamics.selection_intensity"},
    {"graph population", "mutation rate", "dynamics.mutation_rate"},
    {"upstream reciprocity", "rule*", "upstream.strategies"},
    {"upstream reciprocity", "N", "population.size"},
    {"upstream reciprocity", "w", "upstream.continuation"},
    {"continuous investment", "strategy*", "stakes.strategies"},
    {"continuous investment", "B", "game.benefit"},
    {"continuous investment", "C", "game.cost"},
    {"continuous investment", "h", "stakes.saturation"},
    {"continuous investment", "grid starts", "stakes.grid_starts"},
    {"continuous investment", "grid increments", "stakes.grid_increments"},
    {"continuous investment", "grid", "stakes.grid_starts"},
    {"continuous investment", "w", "match.continuation_probability"},
    {"continuous investment", "rounds", "match.turns"},
    {"costly signalling", "signaller", "signalling.signallers"},
    {"costly signalling", "observer", "signalling.observers"},
    {"costly signalling", "q", "signalling.high_quality"},
    {"costly signalling", "c_H", "signalling.cost_high"},
    {"costly signalling", "c_L", "signalling.cost_low"},
};

bool matches(std::string_view pattern, const std::string& parameter) {
  if (!pattern.empty() && pattern.back() == '*')
    return parameter.rfind(pattern.substr(0, pattern.size() - 1), 0) == 0;
  return parameter == pattern;
}

}  // namespace

ConfigError config_error(const ModelError& e, const config::Config& c) {
  const std::string where =
      c.source() == "command line" ? "on the command line" : "in " + c.source();
  for (const auto& p : kParameterKeys) {
    if (p.model != e.model() || !matches(p.parameter, e.parameter())) continue;
    const std::string key(p.key);
    const auto dot = key.find('.');
    // A key that holds many values (a matrix) also gets the part at fault: "(payoff (0, 1) = -1)".
    const bool part = p.parameter.back() == '*';
    const std::string detail = part ? " (" + e.parameter() + " = " + e.value() + ")" : "";
    return ConfigError("config error: [" + key.substr(0, dot) + "] " + key.substr(dot + 1) + " = " +
                       c.text(key) + detail + " " + e.requirement() + " (" + where + ")");
  }
  return ConfigError(std::string("config error: ") + e.what() + " (" + where + ")");
}

games::PrisonersDilemma game_from_config(const config::Config& c) {
  switch (config::choice(c, config::kGameType)) {
    case config::GameType::donation_game:
      return games::DonationGame{c.real("game.benefit"), c.real("game.cost")}.as_matrix_game();
    case config::GameType::prisoners_dilemma:
      break;
  }
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
  dynamics::ProcessSettings s;
  s.kind = config::choice(c, config::kProcess);
  s.selection_intensity = c.real("dynamics.selection_intensity");
  s.fitness_mapping = config::choice(c, config::kFitnessMapping);
  s.mutation_rate = c.real("dynamics.mutation_rate");
  s.self_interaction = c.boolean("population.self_interaction");
  return s;
}

dynamics::InvasionSettings invasion_settings_from_config(const config::Config& c) {
  dynamics::InvasionSettings s;
  s.space = config::choice(c, config::kInvasionSpace);
  s.distribution = config::choice(c, config::kMutantDistribution);
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

analytic::FixationSettings fixation_settings_from_config(const config::Config& c) {
  const auto p = process_settings_from_config(c);
  analytic::FixationSettings s;
  switch (p.kind) {  // no default: a new process must say here whether it has a closed form
    case dynamics::ProcessKind::wright_fisher:
      throw ConfigError(
          "config error: [dynamics] process = wright_fisher has no closed-form fixation "
          "probability; use job = evolution, or a Moran or pairwise_comparison process (" +
          c.source() + ")");
    case dynamics::ProcessKind::moran_birth_death:
      s.process = analytic::Process::moran_birth_death;
      break;
    case dynamics::ProcessKind::moran_death_birth:
      s.process = analytic::Process::moran_death_birth;
      break;
    case dynamics::ProcessKind::pairwise_comparison:
      s.process = analytic::Process::pairwise_comparison;
      break;
  }
  s.selection_intensity = p.selection_intensity;
  s.fitness_mapping = p.fitness_mapping;
  s.self_interaction = p.self_interaction;
  return s;
}

}  // namespace kindest::jobs
