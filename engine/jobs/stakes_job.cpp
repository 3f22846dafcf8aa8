#include "engine/jobs/stakes_job.hpp"

#include <string>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/record/file_format.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::jobs {
namespace {

JobResult run(const JobContext& context) {
  return {stakes_summary(run_stakes_job(context.config, context.output)), false};
}

std::string where(const config::Config& c) {
  return c.source() == "command line" ? "on the command line" : "in " + c.source();
}

}  // namespace

const JobSpec& stakes_job() {
  static const JobSpec spec{
      .name = "stakes",
      .description =
          "The continuous-investment game (Roberts & Sherratt 1998, Wahl & Nowak 1999): "
          "raise-the-stakes, fixed, short-changing, matching and linear reactive investors; the "
          "exact expected payoff matrix over random-length or fixed matches, then the "
          "small-mutation limit among the strategies, or over a grid of RTS(a, b) in the "
          "(a, b) plane with mutation to neighbouring points",
      .reads = "[stakes] [game] [match] [population] [dynamics] [run]",
      .writes = "/stakes",
      .progress_unit = "",
      .resumable = false,
      .run = run};
  return spec;
}

analytic::Matrix grid_mutation_kernel(std::size_t starts, std::size_t increments, bool local) {
  const std::size_t n = starts * increments;
  analytic::Matrix m(n, std::vector<double>(n, 0.0));
  for (std::size_t p = 0; p < n; ++p) {
    if (!local) {
      for (std::size_t q = 0; q < n; ++q)
        if (q != p) m[p][q] = 1.0 / static_cast<double>(n - 1);
      continue;
    }
    const std::size_t i = p / increments, j = p % increments;
    std::vector<std::size_t> near;
    if (i > 0) near.push_back(p - increments);
    if (i + 1 < starts) near.push_back(p + increments);
    if (j > 0) near.push_back(p - 1);
    if (j + 1 < increments) near.push_back(p + 1);
    for (std::size_t q : near) m[p][q] = 1.0 / static_cast<double>(near.size());
  }
  return m;
}

StakesSettings stakes_settings(const config::Config& c) {
  if (config::choice(c, config::kGameType) != config::GameType::donation_game)
    throw ConfigError("config error: [game] type = " + c.text("game.type") +
                      " does not apply to job stakes: each unit invested gives [game] benefit "
                      "and costs [game] cost; set type = donation_game (" +
                      where(c) + ")");
  if (c.real("match.execution_error_rate") != 0)
    throw ConfigError(
        "config error: [match] execution_error_rate = " + c.text("match.execution_error_rate") +
        " does not apply to job stakes: investments are played without error; set "
        "it to 0 (" +
        where(c) + ")");
  StakesSettings s;
  s.game.benefit = c.real("game.benefit");
  s.game.cost = c.real("game.cost");
  s.game.shape = config::choice(c, config::kBenefitShape);
  s.game.saturation = c.real("stakes.saturation");
  s.game.continuation = c.real("match.continuation_probability");
  s.game.rounds = static_cast<std::uint64_t>(c.integer("match.turns"));
  s.population_size = c.unsigned_integer("population.size");
  s.seed = c.unsigned_integer("run.seed");
  s.fixation = fixation_settings_from_config(c);
  s.grid = config::choice(c, config::kStakesStrategySet) == config::StakesStrategySet::rts_grid;
  s.local_mutation = config::choice(c, config::kMutation) == config::MutationKind::local;
  if (s.local_mutation && !s.grid)
    throw ConfigError(
        "config error: [dynamics] mutation = local applies to job stakes only on a "
        "grid: set [stakes] strategy_set = rts_grid, or mutation = uniform (" +
        where(c) + ")");
  try {
    s.game.validate();
    if (s.grid) {
      s.grid_starts = config::parse_numbers(c.text("stakes.grid_starts"), "[stakes] grid_starts");
      s.grid_increments =
          config::parse_numbers(c.text("stakes.grid_increments"), "[stakes] grid_increments");
      s.strategies = games::raise_the_stakes_grid(s.grid_starts, s.grid_increments);
    } else {
      for (const auto& text :
           config::split_specs(c.text("stakes.strategies"), "[stakes] strategies"))
        s.strategies.push_back(games::parse_investment_strategy(text));
    }
  } catch (const ModelError& e) {
    throw config_error(e, c);
  }
  if (s.strategies.size() < 2)
    throw ConfigError("config error: [stakes] strategies = " + c.text("stakes.strategies") +
                      " must name at least two strategies for the small-mutation limit (" +
                      where(c) + ")");
  return s;
}

StakesOutcome run_stakes_job(const config::Config& c, const OutputOptions& output) {
  record::check_output_path(output.path, output.overwrite);
  StakesOutcome out;
  out.settings = stakes_settings(c);
  const auto& s = out.settings;
  try {
    out.payoffs = games::investment_payoff_matrix(s.game, s.strategies);
  } catch (const ModelError& e) {
    throw config_error(e, c);
  }
  try {
    // Uniform mutation takes the path every matrix game takes, so a listed set and the same
    // strategies as a grid give the same bits; the local kernel needs the general chain.
    out.limit =
        s.grid && s.local_mutation
            ? analytic::compute_small_mutation_limit(
                  analytic::compute_fixation_probabilities(out.payoffs, s.population_size,
                                                           s.fixation),
                  grid_mutation_kernel(s.grid_starts.size(), s.grid_increments.size(), true))
            : analytic::compute_small_mutation_limit(out.payoffs, s.population_size, s.fixation);
  } catch (const ModelError& e) {
    throw config_error(e, c);
  }
  if (output.discard) return out;

  record::Hdf5Writer writer(
      output.path, output.overwrite,
      {.job = std::string(stakes_job().name), .seed = s.seed, .config_ini = c.to_ini()});
  const record::Dims dims{
      {"S", s.strategies.size()}, {"A", s.grid_starts.size()}, {"B", s.grid_increments.size()}};
  const auto put = [&](const char* name, record::Values values,
                       const std::vector<record::ArraySpec>& specs = record::stakes_specs()) {
    writer.write(
        record::make_dataset("/stakes", record::find_spec(specs, name), dims, std::move(values)));
  };
  std::vector<std::string> names;
  std::vector<double> start, fixation;
  for (const auto& st : s.strategies) {
    names.push_back(st.name);
    start.push_back(st.start);
  }
  for (const auto& row : out.limit.fixation)
    fixation.insert(fixation.end(), row.begin(), row.end());
  put("strategies", names);
  put("first_investment", start);
  put("payoff", out.payoffs.row_major());
  put("fixation_probability", fixation);
  put("stationary_distribution", out.limit.stationary);
  if (s.grid) {
    const auto& grid = record::stakes_grid_specs();
    put("grid_start", s.grid_starts, grid);
    put("grid_increment", s.grid_increments, grid);
    put("grid_stationary", out.limit.stationary, grid);  // point i * B + j: row i, column j
  }
  write_summary(writer, stakes_summary(out));
  writer.mark_complete();
  return out;
}

Summary stakes_summary(const StakesOutcome& out) {
  const auto& s = out.settings;
  const std::size_t n = s.strategies.size();
  std::vector<std::string> names;
  std::vector<double> start, self, invasion;
  for (std::size_t i = 0; i < n; ++i) {
    names.push_back(s.strategies[i].name);
    start.push_back(s.strategies[i].start);
    self.push_back(out.payoffs(i, i));
    invasion.push_back(out.limit.fixation[0][i]);
  }
  const std::string one_in_n = number_text(1.0 / static_cast<double>(s.population_size));
  std::string grid_note;
  if (s.grid) {
    double mean_a = 0, mean_b = 0;
    for (std::size_t i = 0; i < n; ++i) {
      mean_a += out.limit.stationary[i] * s.strategies[i].start;
      mean_b += out.limit.stationary[i] * s.strategies[i].step;
    }
    grid_note = "; RTS grid, " + std::string(s.local_mutation ? "local" : "uniform") +
                " mutation: long-run mean a = " + number_text(mean_a) +
                ", mean b = " + number_text(mean_b);
  }
  SummaryTable strategies{
      .name = "strategies",
      .title = "Small-mutation limit among the investment strategies (N = " +
               std::to_string(s.population_size) +
               "); payoff per round against itself; fixation of one mutant among N - 1 " +
               names[0] + " (1/N = " + one_in_n + ")" + grid_note,
      .row_header = "Strategy",
      .rows = names,
      .columns = {
          {"first_investment", "first", start, ColumnFormat::fixed4},
          {"stationary_probability", "time share", out.limit.stationary, ColumnFormat::fixed6},
          {"self_payoff", "vs itself", self, ColumnFormat::fixed4},
          {"invasion_probability", "invades " + names[0].substr(0, 12), invasion,
           ColumnFormat::scientific}}};
  Summary summary{{strategies}};
  if (n <= 12) {
    SummaryTable payoff{.name = "payoff",
                        .title =
                            "Expected payoff per round of the row strategy against the "
                            "column strategy",
                        .row_header = "",
                        .rows = names,
                        .columns = {},
                        .stored = false};
    SummaryTable fixation{.name = "fixation_probability",
                          .title =
                              "Fixation probability of one column mutant in a population "
                              "of the row strategy (1/N = " +
                              one_in_n + ")",
                          .row_header = "",
                          .rows = names,
                          .columns = {},
                          .stored = false};
    for (std::size_t j = 0; j < n; ++j) {
      SummaryColumn p{names[j], names[j].substr(0, 11), {}, ColumnFormat::fixed4};
      SummaryColumn f{names[j], names[j].substr(0, 11), {}, ColumnFormat::scientific};
      for (std::size_t i = 0; i < n; ++i) {
        p.values.push_back(out.payoffs(i, j));
        f.values.push_back(out.limit.fixation[i][j]);
      }
      payoff.columns.push_back(p);
      fixation.columns.push_back(f);
    }
    summary.tables.push_back(payoff);
    summary.tables.push_back(fixation);
  }
  return summary;
}

}  // namespace kindest::jobs
