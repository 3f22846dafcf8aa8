#include "engine/jobs/analysis_job.hpp"

#include <tbb/task_arena.h>

#include <cmath>
#include <cstdio>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/resources.hpp"
#include "engine/jobs/from_config.hpp"
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

JobResult run(const JobContext& context) {
  return {analysis_summary(run_analysis_job(context.config, context.resolve, context.output)),
          false};
}

}  // namespace

const JobSpec& analysis_job() {
  static const JobSpec spec{
      .name = "analysis",
      .description =
          "Small-mutation limit of the population game: fixation probabilities, "
          "stationary distribution (exact)",
      .reads = "[population] [payoffs] [dynamics] [match] [game] [run]",
      .writes = "/population, /analysis",
      .progress_unit = "",
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
  if (out.game.cooperation) {
    // A monomorphic population of i cooperates at its self-play rate C(i, i).
    SummaryColumn self{"self_cooperation", "self-coop.", {}, ColumnFormat::fixed4};
    for (std::size_t i = 0; i < s; ++i) self.values.push_back((*out.game.cooperation)(i, i));
    stationary.columns.push_back(self);
  }
  Summary summary{{stationary}};
  if (out.game.cooperation) {
    double c = 0;
    for (std::size_t i = 0; i < s; ++i)
      c += out.limit.stationary[i] * (*out.game.cooperation)(i, i);
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
                                 const OutputOptions& output) {
  record::check_output_path(output.path, output.overwrite);
  check_analysis_work(c);
  AnalysisOutcome out{population_game_from_config(c, resolve), {}};
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
  const std::size_t s = out.game.strategies.size();
  record::Hdf5Writer writer(output.path, output.overwrite,
                            {.job = std::string(analysis_job().name),
                             .seed = c.unsigned_integer("run.seed"),
                             .config_ini = c.to_ini()});
  write_population(writer, out.game);
  writer.write(
      record::Dataset{"/analysis/fixation_probability",
                      {s, s},
                      flatten(out.limit.fixation),
                      "-",
                      "Entry [i][j]: probability that a single j mutant takes over a population "
                      "of i; diagonal 1/Z (a neutral mutant)."});
  writer.write(
      record::Dataset{"/analysis/transition_matrix",
                      {s, s},
                      flatten(out.limit.transition),
                      "-",
                      "Small-mutation limit: probability that the monomorphic state i is next "
                      "followed by j (rho_ij / (S - 1)); rows sum to 1."});
  writer.write(
      record::Dataset{"/analysis/stationary_distribution",
                      {s},
                      out.limit.stationary,
                      "-",
                      "Long-run fraction of time the population spends monomorphic in each "
                      "strategy, in the limit of rare mutation."});
  write_summary(writer, analysis_summary(out));
  writer.mark_complete();
  return out;
}

}  // namespace kindest::jobs
