#include "engine/jobs/replicator_job.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/resources.hpp"
#include "engine/core/stop.hpp"
#include "engine/dynamics/ecological.hpp"
#include "engine/dynamics/replicator.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/record/file_format.hpp"
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
  const auto out =
      run_replicator_job(context.config, context.resolve, context.output, context.stop);
  return {replicator_summary(out), out.interrupted};
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
      .stoppable = true,
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
                                     const OutputOptions& output,
                                     const std::atomic<bool>* stop) try {
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
  const bool ecological =
      config::choice(c, config::kReplicatorMap) == config::ReplicatorMap::ecological;
  const auto generations = static_cast<std::size_t>(t_end);
  const auto step = static_cast<std::size_t>(std::max(1.0, std::floor(interval)));

  // The records this run writes, known before it starts (a double: 1e12 / 1e-9 does not fit an
  // integer): refuse in a second what the disk (or, for the equation, whose records are held
  // until the end, memory) cannot take, instead of failing hours later. One record is the
  // time, x, the payoffs, the average payoff and the cooperation rate, uncompressed (doubles
  // that change compress little).
  const double expected_records = ecological ? std::floor(t_end / static_cast<double>(step)) + 2
                                             : std::floor(t_end / interval) + 2;
  const double record_bytes = 8.0 * (2.0 * static_cast<double>(s) + 3);
  const std::string records_what =
      "[replicator] time = " + c.text("replicator.time") +
      " with record_interval = " + c.text("replicator.record_interval") + " (" +
      number_text(expected_records) + " records)";
  const std::string records_advice =
      "raise [replicator] record_interval or lower [replicator] time";
  require_disk(expected_records * record_bytes, output.path, records_what, records_advice);
  if (!ecological)
    require_memory(expected_records * (8.0 * (static_cast<double>(s) + 1) + 64), records_what,
                   records_advice);

  // The ecological map runs here generation by generation and the records go to the file in
  // batches, so memory does not grow with the run (it held every generation: 230 MB at 4e6).
  // integrate() still returns the ODE's records (one per record_interval) at once.
  std::optional<dynamics::ReplicatorTrajectory> trajectory;
  std::optional<dynamics::Ecological> map;
  std::size_t records = 0;
  if (ecological) {
    map.emplace(out.game.payoffs);
    records = generations / step + 1 + (generations % step ? 1 : 0);
  } else {
    const double mu = c.real("dynamics.mutation_rate");
    const auto replicator =
        mu > 0
            ? dynamics::Replicator(out.game.payoffs, dynamics::Replicator::uniform_mutation(s, mu))
            : dynamics::Replicator(out.game.payoffs);
    const double tol = c.real("replicator.tolerance");
    trajectory =
        dynamics::integrate(replicator, x0, t_end, interval, {.abs_tol = tol, .rel_tol = tol});
    records = trajectory->time.size();
  }

  record::Hdf5Writer writer(output.path, output.overwrite,
                            {.job = std::string(replicator_job().name),
                             .seed = c.unsigned_integer("run.seed"),
                             .config_ini = c.to_ini()});
  write_population(writer, out.game);
  record::SeriesRecorder recorder(writer, record::replicator_table(), {{"S", s}}, 1, records);
  recorder.create(0);
  const auto& a = out.game.payoffs;
  std::size_t pending = 0;
  const auto record = [&](double t, const std::vector<double>& x) {
    std::vector<double> payoff(s);
    double average = 0, cooperation = std::nan("");
    for (std::size_t i = 0; i < s; ++i) {
      double f = 0;
      for (std::size_t j = 0; j < s; ++j) f += a(i, j) * x[j];
      payoff[i] = f;
      average += x[i] * f;
    }
    if (out.game.cooperation) {
      cooperation = 0;
      for (std::size_t i = 0; i < s; ++i)
        for (std::size_t j = 0; j < s; ++j)
          cooperation += x[i] * x[j] * (*out.game.cooperation)(i, j);
    }
    recorder.record(0, {std::vector<double>{t}, x, std::move(payoff), std::vector<double>{average},
                        std::vector<double>{cooperation}});
    if (++pending == 4096) {
      recorder.write_rows(0);
      pending = 0;
    }
    if (out.time.empty()) {  // the outcome keeps the first and the last record only
      out.time.assign(2, t);
      out.frequencies.assign(2, x);
    } else {
      out.time.back() = t;
      out.frequencies.back() = x;
    }
  };
  if (ecological) {
    // iterate() over no generation checks x0 and rescales it to sum exactly 1.
    std::vector<double> x = dynamics::iterate(*map, x0, 0).front();
    record(0, x);
    for (std::size_t g = 1; g <= generations; ++g) {
      if (stop_requested(stop)) {
        // The records so far are whole generations: write them, leave the file incomplete.
        recorder.write_rows(0);
        writer.flush();
        out.interrupted = true;
        return out;
      }
      x = map->next(x);
      if (g % step == 0 || g == generations) record(static_cast<double>(g), x);
    }
  } else {
    for (std::size_t k = 0; k < records; ++k) record(trajectory->time[k], trajectory->state[k]);
  }
  recorder.write_rows(0);
  write_summary(writer, replicator_summary(out));
  writer.mark_complete();
  return out;
} catch (const ModelError& e) {
  // Models know no config keys; say which key set the parameter.
  throw config_error(e, c);
}

}  // namespace kindest::jobs
