#include "engine/jobs/replicator_job.hpp"

#include <cmath>
#include <cstdio>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"
#include "engine/dynamics/ecological.hpp"
#include "engine/dynamics/replicator.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::jobs {
namespace {

std::vector<double> initial_frequencies(const config::Config& c, std::size_t s) {
  const std::string text = c.text("replicator.initial_frequencies");
  if (text.empty()) return std::vector<double>(s, 1.0 / static_cast<double>(s));
  const auto x = config::parse_numbers(text, "[replicator] initial_frequencies");
  double sum = 0;
  for (double v : x) {
    if (v < 0)
      throw ConfigError("config error: [replicator] initial_frequencies: '" +
                        config::number_text(v) + "' is not a frequency");
    sum += v;
  }
  if (x.size() != s || std::abs(sum - 1) > 1e-9)
    throw ConfigError("config error: [replicator] initial_frequencies = " + text + " must give " +
                      std::to_string(s) + " frequencies summing to 1");
  return x;
}

JobResult run(const JobContext& context) {
  return {replicator_summary(run_replicator_job(context.config, context.resolve, context.output)),
          false};
}

}  // namespace

const JobSpec& replicator_job() {
  static const JobSpec spec{
      .name = "replicator",
      .description =
          "Infinite population: replicator(-mutator) equation or Axelrod's "
          "ecological map",
      .reads = "[replicator] [population] [payoffs] [dynamics] [match] [game] [run]",
      .writes = "/population, /replicator",
      .progress_unit = "",
      .resumable = false,
      .run = run};
  return spec;
}

Summary replicator_summary(const ReplicatorOutcome& out) {
  char time[32];
  std::snprintf(time, sizeof time, "%g", out.time.back());
  return {{{.name = "frequencies",
            .title = std::string("Frequencies at t = ") + time,
            .row_header = "Strategy",
            .rows = out.game.strategies,
            .columns = {
                {"final_frequency", "frequency", out.frequencies.back(), ColumnFormat::fixed6}}}}};
}

ReplicatorOutcome run_replicator_job(const config::Config& c, const PlayerResolver& resolve,
                                     const OutputOptions& output) try {
  record::check_output_path(output.path, output.overwrite);
  ReplicatorOutcome out{population_game_from_config(c, resolve), {}, {}};
  if (out.game.group || !out.game.players.empty())
    throw ConfigError(
        "config error: job = replicator needs a payoff matrix: [payoffs] source = "
        "matrix, exact or tournament");
  const std::size_t s = out.game.strategies.size();
  const auto x0 = initial_frequencies(c, s);
  const double t_end = c.real("replicator.time");
  const double interval = c.real("replicator.record_interval");
  if (config::choice(c, config::kReplicatorMap) == config::ReplicatorMap::ecological) {
    const dynamics::Ecological map(out.game.payoffs);
    const auto step = static_cast<std::size_t>(std::max(1.0, std::floor(interval)));
    const auto all = dynamics::iterate(map, x0, static_cast<std::size_t>(t_end));
    for (std::size_t g = 0; g < all.size(); g += step) {
      out.time.push_back(static_cast<double>(g));
      out.frequencies.push_back(all[g]);
    }
    if ((all.size() - 1) % step != 0) {
      out.time.push_back(static_cast<double>(all.size() - 1));
      out.frequencies.push_back(all.back());
    }
  } else {
    const double mu = c.real("dynamics.mutation_rate");
    const auto replicator =
        mu > 0
            ? dynamics::Replicator(out.game.payoffs, dynamics::Replicator::uniform_mutation(s, mu))
            : dynamics::Replicator(out.game.payoffs);
    const double tol = c.real("replicator.tolerance");
    auto trajectory =
        dynamics::integrate(replicator, x0, t_end, interval, {.abs_tol = tol, .rel_tol = tol});
    out.time = std::move(trajectory.time);
    out.frequencies = std::move(trajectory.state);
  }

  const std::size_t t = out.time.size();
  std::vector<double> flat, payoff, average(t), cooperation(t, std::nan(""));
  const auto& a = out.game.payoffs;
  for (std::size_t k = 0; k < t; ++k) {
    const auto& x = out.frequencies[k];
    flat.insert(flat.end(), x.begin(), x.end());
    for (std::size_t i = 0; i < s; ++i) {
      double f = 0;
      for (std::size_t j = 0; j < s; ++j) f += a(i, j) * x[j];
      payoff.push_back(f);
      average[k] += x[i] * f;
    }
    if (out.game.cooperation) {
      cooperation[k] = 0;
      for (std::size_t i = 0; i < s; ++i)
        for (std::size_t j = 0; j < s; ++j)
          cooperation[k] += x[i] * x[j] * (*out.game.cooperation)(i, j);
    }
  }
  record::Hdf5Writer writer(output.path, output.overwrite,
                            {.job = std::string(replicator_job().name),
                             .seed = c.unsigned_integer("run.seed"),
                             .config_ini = c.to_ini()});
  write_population(writer, out.game);
  writer.write(record::Dataset{"/replicator/time",
                               {t},
                               out.time,
                               "time",
                               "Time of each record (generations for the ecological map)."});
  writer.write(record::Dataset{"/replicator/frequencies",
                               {t, s},
                               flat,
                               "-",
                               "Frequency of each strategy; each row sums to 1."});
  writer.write(record::Dataset{"/replicator/mean_payoff",
                               {t, s},
                               payoff,
                               "payoff per turn",
                               "Payoff of each strategy against the population, (A x)_i."});
  writer.write(record::Dataset{"/replicator/average_payoff",
                               {t},
                               average,
                               "payoff per turn",
                               "Population mean payoff x . A x."});
  writer.write(record::Dataset{
      "/replicator/cooperation_rate",
      {t},
      cooperation,
      "-",
      "Expected fraction of cooperative moves, x . C x; NaN for a plain matrix game."});
  write_summary(writer, replicator_summary(out));
  writer.mark_complete();
  return out;
} catch (const ModelError& e) {
  // Models know no config keys; say which key set the parameter.
  throw config_error(e, c);
}

}  // namespace kindest::jobs
