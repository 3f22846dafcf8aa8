#pragma once
// Reading model settings out of a validated Config: the one place config keys meet model types.
#include "engine/analytic/fixation_probabilities.hpp"
#include "engine/config/config.hpp"
#include "engine/core/errors.hpp"
#include "engine/dynamics/mutant_invasion.hpp"
#include "engine/dynamics/process.hpp"
#include "engine/games/prisoners_dilemma.hpp"
#include "engine/match/match.hpp"
#include "engine/tournament/round_robin.hpp"

namespace kindest::jobs {

games::PrisonersDilemma game_from_config(const config::Config& c);
match::MatchSettings match_settings_from_config(const config::Config& c);
tournament::TournamentSettings tournament_settings_from_config(const config::Config& c);
dynamics::ProcessSettings process_settings_from_config(const config::Config& c);
/// [dynamics] process, selection_intensity, fitness_mapping and [population] self_interaction
/// for the closed-form fixation probabilities; throws ConfigError for wright_fisher, which has
/// none.
analytic::FixationSettings fixation_settings_from_config(const config::Config& c);
/// [invasion]; throws ConfigError when extinction_threshold >= mutant_frequency.
dynamics::InvasionSettings invasion_settings_from_config(const config::Config& c);

/// A ModelError from a model built from `c`, as the ConfigError a user can act on:
/// "config error: [dynamics] selection_intensity = 0.5 makes linear fitness ... (in x.ini)" --
/// the key that set the model's parameter, its value as given, the model's requirement and the
/// config's source. A parameter no key sets keeps the model's words, with the source.
ConfigError config_error(const ModelError& e, const config::Config& c);

}  // namespace kindest::jobs
