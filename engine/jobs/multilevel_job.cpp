#include "engine/jobs/multilevel_job.hpp"

#include <tbb/parallel_for.h>

#include <atomic>
#include <cmath>

#include "engine/analytic/multilevel_fixation.hpp"
#include "engine/config/choices.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/record/file_format.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::jobs {
namespace {

constexpr std::uint32_t kCooperator = 0, kDefector = 1;

JobResult run(const JobContext& context) {
  return {multilevel_summary(run_multilevel_job(context.config, context.output, context.progress)),
          false};
}

// The 2x2 game between C (index 0) and D (index 1).
games::PayoffMatrix game_matrix(const config::Config& c) {
  const auto pd = game_from_config(c);
  return games::PayoffMatrix(2, {pd.reward, pd.sucker, pd.temptation, pd.punishment});
}

}  // namespace

std::uint64_t MultilevelOutcome::fixations() const {
  std::uint64_t k = 0;
  for (const auto& r : runs) k += r.mutant_fixed;
  return k;
}

double MultilevelOutcome::fixation_probability() const {
  return static_cast<double>(fixations()) / static_cast<double>(runs.size());
}

double MultilevelOutcome::standard_error() const {
  const double p = fixation_probability();
  return std::sqrt(p * (1 - p) / static_cast<double>(runs.size()));
}

const JobSpec& multilevel_job() {
  static const JobSpec spec{
      .name = "multilevel",
      .description =
          "Multilevel selection (Traulsen & Nowak 2006): one cooperator in m groups of at most n "
          "that split, `[dynamics] replicates` runs in parallel until one strategy is left; its "
          "fixation probability beside 1 / (n m) and the rare-splitting limit",
      .reads = "[groups] [dynamics] [game] [run]",
      .writes = "/multilevel",
      .progress_unit = "runs",
      .resumable = false,
      .run = run};
  return spec;
}

dynamics::MultilevelSettings multilevel_settings(const config::Config& c) {
  dynamics::MultilevelSettings s{
      .groups = static_cast<std::uint32_t>(c.integer("groups.count")),
      .max_size = static_cast<std::uint32_t>(c.integer("groups.max_size")),
      .split_probability = c.real("groups.split_probability"),
      .selection_intensity = c.real("dynamics.selection_intensity"),
      .fitness_mapping = config::choice(c, config::kFitnessMapping)};
  try {  // the model's own checks, as errors that name the key
    dynamics::MultilevelMoran(s, game_matrix(c), kCooperator, kDefector);
  } catch (const ModelError& e) {
    throw config_error(e, c);
  }
  return s;
}

MultilevelOutcome run_multilevel_job(const config::Config& c, const OutputOptions& output,
                                     const GenerationProgress& progress) {
  record::check_output_path(output.path, output.overwrite);
  MultilevelOutcome out;
  out.settings = multilevel_settings(c);
  const auto game = game_matrix(c);
  out.donation_game = config::choice(c, config::kGameType) == config::GameType::donation_game;
  if (out.donation_game) out.benefit_cost_ratio = c.real("game.benefit") / c.real("game.cost");
  analytic::FixationSettings limit_settings{.process = analytic::Process::moran_birth_death,
                                            .selection_intensity = out.settings.selection_intensity,
                                            .fitness_mapping = out.settings.fitness_mapping};
  out.rare_split_limit =
      analytic::rare_split_fixation(game, kDefector, kCooperator, out.settings.groups,
                                    out.settings.max_size, limit_settings)
          .fixation();

  const auto runs = static_cast<std::size_t>(c.integer("dynamics.replicates"));
  const std::uint64_t seed = c.unsigned_integer("run.seed");
  out.runs.assign(runs, {});
  std::atomic<std::uint64_t> done{0};
  tbb::parallel_for(std::size_t{0}, runs, [&](std::size_t r) {
    dynamics::MultilevelMoran model(out.settings, game, kCooperator, kDefector);
    Stream rng = multilevel_stream(seed, r);
    out.runs[r] = dynamics::run_to_absorption(model, kCooperator, rng);
    const auto d = done.fetch_add(1, std::memory_order_relaxed) + 1;
    if (progress) progress(d, runs);
  });

  record::Hdf5Writer writer(
      output.path, output.overwrite,
      {.job = std::string(multilevel_job().name), .seed = seed, .config_ini = c.to_ini()});
  const record::Dims dims{{"R", runs}};
  const auto& specs = record::multilevel_specs();
  const auto put = [&](const char* name, record::Values values) {
    writer.write(record::make_dataset("/multilevel", record::find_spec(specs, name), dims,
                                      std::move(values)));
  };
  std::vector<std::uint32_t> fixed;
  std::vector<std::uint64_t> births, splits;
  for (const auto& run : out.runs) {
    fixed.push_back(run.mutant_fixed ? 1 : 0);
    births.push_back(run.births);
    splits.push_back(run.splits);
  }
  put("mutant_fixed", fixed);
  put("births", births);
  put("splits", splits);
  write_summary(writer, multilevel_summary(out));
  writer.mark_complete();
  return out;
}

Summary multilevel_summary(const MultilevelOutcome& out) {
  const double nm = static_cast<double>(out.settings.groups) * out.settings.max_size;
  const double rho = out.fixation_probability();
  SummaryTable t{.name = "fixation",
                 .title = "Fixation of one cooperator among defectors in " +
                          std::to_string(out.settings.groups) + " groups of at most " +
                          std::to_string(out.settings.max_size) + " (" +
                          std::to_string(out.runs.size()) +
                          " runs; neutral 1/(nm) = " + number_text(1 / nm) + ")",
                 .row_header = "Mutant",
                 .rows = {"C"}};
  t.columns = {
      {"runs", "runs", {static_cast<double>(out.runs.size())}, ColumnFormat::integer},
      {"fixations", "fixed", {static_cast<double>(out.fixations())}, ColumnFormat::integer},
      {"fixation_probability", "rho", {rho}, ColumnFormat::fixed6},
      {"standard_error", "s.e.", {out.standard_error()}, ColumnFormat::fixed6},
      {"relative_to_neutral", "rho*n*m", {rho * nm}, ColumnFormat::fixed4},
      {"rare_split_limit", "rho(q->0)", {out.rare_split_limit}, ColumnFormat::fixed6}};
  if (out.donation_game) {
    t.columns.push_back(
        {"benefit_cost_ratio", "b/c", {out.benefit_cost_ratio}, ColumnFormat::fixed4});
    t.columns.push_back(
        {"weak_selection_threshold",
         "b/c*",
         {analytic::multilevel_threshold(out.settings.groups, out.settings.max_size)},
         ColumnFormat::fixed4});
  }
  return {{t}};
}

}  // namespace kindest::jobs
