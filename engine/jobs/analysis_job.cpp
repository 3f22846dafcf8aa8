#include "engine/jobs/analysis_job.hpp"

#include <tbb/task_arena.h>

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "engine/config/choices.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/resources.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/jobs/reputation_settings.hpp"
#include "engine/record/file_format.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::jobs {
namespace {

analytic::FixationSettings fixation_settings(const config::Config& c) {
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

std::vector<double> flatten(const analytic::Matrix& m) {
  std::vector<double> out;
  for (const auto& row : m) out.insert(out.end(), row.begin(), row.end());
  return out;
}

// Matrix, exact, tournament and group-game payoffs: the population game's closed forms.
AnalysisOutcome matrix_analysis(const config::Config& c, const PlayerResolver& resolve) {
  AnalysisOutcome out{population_game_from_config(c, resolve), {}, {}};
  const auto z = static_cast<std::size_t>(c.unsigned_integer("population.size"));
  // Fixation: two S x S matrices and the transition matrix; each pair's sum over the Z - 1
  // compositions keeps one partial product per composition, on every worker thread.
  const double strategies = static_cast<double>(out.game.strategies.size());
  require_memory(3 * 8.0 * strategies * strategies +
                     8.0 * static_cast<double>(z) *
                         static_cast<double>(tbb::this_task_arena::max_concurrency()),
                 "[population] size = " + c.text("population.size") + " with " +
                     std::to_string(out.game.strategies.size()) + " strategies",
                 "lower [population] size (the fixation probabilities of large populations "
                 "change little beyond Z = 10^5 under weak selection) or use fewer strategies");
  try {
    if (!out.game.players.empty())
      throw ConfigError(
          "config error: [payoffs] source = matches plays matches every generation; "
          "the analysis job needs expected payoffs: use source = exact or tournament");
    out.limit =
        out.game.group
            ? analytic::compute_small_mutation_limit(*out.game.group, z, fixation_settings(c))
            : analytic::compute_small_mutation_limit(out.game.payoffs, z, fixation_settings(c));
  } catch (const ModelError& e) {
    throw config_error(e, c);
  }
  return out;
}

// [payoffs] source = reputation: the payoffs of every composition from its own reputation game,
// then the chain as for any other source. The strategies are reputation strategies, so the
// population game holds only their names (its matrices NaN: there is no matrix).
AnalysisOutcome reputation_analysis(const config::Config& c, const GenerationProgress& progress) {
  const std::string where =
      c.source() == "command line" ? "on the command line" : "in " + c.source();
  const auto settings = fixation_settings(c);
  if (settings.self_interaction)
    throw ConfigError(
        "config error: [population] self_interaction = true does not apply to [payoffs] source "
        "= reputation: the reputation game has no self-play, an individual only meets others (" +
        where + ")");
  CompositionGames games{.game = reputation_settings(c),
                         .strategies = reputation_strategies(c),
                         .population_size = c.unsigned_integer("population.size"),
                         .burn_in = reputation_rounds(c).burn_in,
                         .window = reputation_rounds(c).window,
                         .seed = c.unsigned_integer("run.seed"),
                         .progress = progress};
  const std::size_t s = games.strategies.size(), z = games.population_size;
  if (s < 2)
    throw ConfigError(
        "config error: [population] strategies must name at least two strategies for the "
        "small-mutation limit, got " +
        std::to_string(s) + " (" + where + ")");
  // Three S x S x (Z - 1) tables (payoffs of mutants and residents, cooperation) and one game
  // per thread: private views are Z^2 bits.
  const double cells = static_cast<double>(s) * static_cast<double>(s) * static_cast<double>(z);
  const double game = static_cast<double>(z) * (static_cast<double>(z) / 8.0 + 64.0);
  require_memory(3 * 8.0 * cells + game * tbb::this_task_arena::max_concurrency(),
                 "[population] size = " + c.text("population.size") + " with " + std::to_string(s) +
                     " reputation strategies",
                 "the payoff tables take 24 S^2 Z bytes; lower [population] size or use fewer "
                 "strategies");
  if (const double work = composition_work(games); work > kMaxCompositionWork) {
    char rough[32];
    std::snprintf(rough, sizeof rough, "%.2g", work);
    throw ResourceError(
        "[reputation] burn_in + window = " + c.text("reputation.burn_in") + " + " +
        c.text("reputation.window") + " rounds with [population] size = " +
        c.text("population.size") + " and " + std::to_string(s) + " strategies: the " +
        std::to_string(composition_game_count(s, z)) + " reputation games need about " + rough +
        " word updates (games x rounds x actions per round x observer words per action), more "
        "than the " +
        number_text(kMaxCompositionWork) +
        " this job takes (about ten minutes on 2 cores); lower burn_in, window or the population "
        "size (" +
        where + ")");
  }
  AnalysisOutcome out;
  for (const auto& st : games.strategies) out.game.strategies.push_back(st.name);
  out.game.payoffs = games::PayoffMatrix(s, std::nan(""));
  try {
    out.reputation = simulate_composition_payoffs(games);
  } catch (const std::invalid_argument& e) {
    throw reputation_config_error(e, c);
  }
  try {
    out.limit = analytic::compute_small_mutation_limit(out.reputation->payoffs, settings);
  } catch (const ModelError& e) {
    throw config_error(e, c);
  }
  return out;
}

void write_reputation_payoffs(record::Hdf5Writer& writer, const ReputationPayoffs& r) {
  const record::Dims dims{{"S", r.payoffs.strategies}, {"M", r.payoffs.population_size - 1}};
  const auto& specs = record::reputation_analysis_specs();
  const auto put = [&](const char* name, std::vector<double> values) {
    writer.write(
        record::make_dataset("/analysis", record::find_spec(specs, name), dims, std::move(values)));
  };
  put("payoff_mutant", r.payoffs.mutant);
  put("payoff_resident", r.payoffs.resident);
  put("cooperation_rate", r.cooperation);
  put("self_cooperation", r.self_cooperation);
  put("self_payoff", r.self_payoff);
  put("self_good_fraction", r.self_good_fraction);
}

JobResult run(const JobContext& context) {
  return {analysis_summary(
              run_analysis_job(context.config, context.resolve, context.output, context.progress)),
          false};
}

}  // namespace

const JobSpec& analysis_job() {
  static const JobSpec spec{
      .name = "analysis",
      .description =
          "Small-mutation limit of the population game: fixation probabilities, "
          "stationary distribution (exact; with [payoffs] source = reputation from payoffs "
          "simulated per composition)",
      .reads = "[population] [payoffs] [dynamics] [match] [game] [reputation] [run]",
      .writes = "/population, /analysis",
      .progress_unit = "reputation games",  // [payoffs] source = reputation only
      .resumable = false,
      .run = run};
  return spec;
}

Summary analysis_summary(const AnalysisOutcome& out) {
  const auto& names = out.game.strategies;
  const std::size_t s = names.size();
  SummaryTable stationary{
      .name = "stationary_distribution",
      .title = "Small-mutation limit: stationary distribution over monomorphic states",
      .row_header = "Strategy",
      .rows = names,
      .columns = {}};
  SummaryColumn p{"stationary_probability", "time share", out.limit.stationary,
                  ColumnFormat::fixed6};
  stationary.columns = {p};
  // A monomorphic population of i cooperates at its self-play rate C(i, i), or, with
  // reputations, at the rate its own simulated game shows.
  std::vector<double> self_cooperation;
  if (out.reputation)
    self_cooperation = out.reputation->self_cooperation;
  else if (out.game.cooperation)
    for (std::size_t i = 0; i < s; ++i) self_cooperation.push_back((*out.game.cooperation)(i, i));
  if (!self_cooperation.empty())
    stationary.columns.push_back(
        {"self_cooperation", "self-coop.", self_cooperation, ColumnFormat::fixed4});
  if (out.reputation)
    stationary.columns.push_back({"self_good_fraction", "good views",
                                  out.reputation->self_good_fraction, ColumnFormat::fixed4});
  Summary summary{{stationary}};
  if (!self_cooperation.empty()) {
    double c = 0;
    for (std::size_t i = 0; i < s; ++i) c += out.limit.stationary[i] * self_cooperation[i];
    summary.tables.push_back(
        {.name = "population",
         .title = "Cooperation in the long run",
         .row_header = "",
         .rows = {"all"},
         .columns = {{"cooperation_rate", "cooperation", {c}, ColumnFormat::fixed4}}});
  }
  if (s <= 12) {
    SummaryTable fixation{
        .name = "fixation_probability",
        .title = "Fixation probability of one column mutant in a population of the row strategy",
        .row_header = "",
        .rows = names,
        .columns = {},
        .stored = false};
    for (std::size_t j = 0; j < s; ++j) {
      SummaryColumn c{names[j], names[j].substr(0, 11), {}, ColumnFormat::scientific};
      for (std::size_t i = 0; i < s; ++i) c.values.push_back(out.limit.fixation[i][j]);
      fixation.columns.push_back(c);
    }
    summary.tables.push_back(fixation);
  }
  return summary;
}

// The analysis's work in elementary steps (each a log-sum or a product, tens of nanoseconds):
// fixation sums over the Z - 1 compositions of every ordered pair, then the stationary
// distribution eliminates an S x S chain (S^3 / 3). Above kMaxAnalysisSteps (about ten
// minutes on one core; docs/CONFIG.md, [population] memory_one_grid) the job is refused
// before it builds the payoffs, which for a large grid alone take minutes and gigabytes.
namespace {

constexpr double kMaxAnalysisSteps = 2e10;

void check_analysis_work(const config::Config& c) {
  const auto levels = static_cast<double>(c.integer("population.memory_one_grid"));
  if (levels == 0) return;  // a list or a matrix: as many strategies as the user wrote out
  const double s = levels * levels * levels * levels,
               z = static_cast<double>(c.integer("population.size"));
  const double steps = s * s * s / 3 + s * s * z;
  if (steps <= kMaxAnalysisSteps) return;
  char rough[32];
  std::snprintf(rough, sizeof rough, "%.2g", steps);
  throw ResourceError(
      "[population] memory_one_grid = " + c.text("population.memory_one_grid") + " gives " +
      number_text(s) + " strategies: the analysis needs about " + rough +
      " steps (S^3/3 + S^2 Z: hours), more than the " + number_text(kMaxAnalysisSteps) +
      " this job takes; lower memory_one_grid (7 gives 2401 strategies) (" + c.source() + ")");
}

}  // namespace

AnalysisOutcome run_analysis_job(const config::Config& c, const PlayerResolver& resolve,
                                 const OutputOptions& output, const GenerationProgress& progress) {
  record::check_output_path(output.path, output.overwrite);
  check_analysis_work(c);
  const bool reputation =
      config::choice(c, config::kPayoffSource) == config::PayoffSource::reputation;
  AnalysisOutcome out = reputation ? reputation_analysis(c, progress) : matrix_analysis(c, resolve);
  if (output.discard) return out;
  const std::size_t s = out.game.strategies.size();
  record::Hdf5Writer writer(output.path, output.overwrite,
                            {.job = std::string(analysis_job().name),
                             .seed = c.unsigned_integer("run.seed"),
                             .config_ini = c.to_ini()});
  write_population(writer, out.game);
  const record::Dims dims{{"S", s}};
  const auto write = [&](const std::string& name, std::vector<double> values) {
    writer.write(record::make_dataset(
        "/analysis", record::find_spec(record::analysis_specs(), name), dims, std::move(values)));
  };
  write("fixation_probability", flatten(out.limit.fixation));
  write("transition_matrix", flatten(out.limit.transition));
  write("stationary_distribution", out.limit.stationary);
  if (out.reputation) write_reputation_payoffs(writer, *out.reputation);
  write_summary(writer, analysis_summary(out));
  writer.mark_complete();
  return out;
}

}  // namespace kindest::jobs
