#include "engine/jobs/invasion_job.hpp"

#include <cmath>
#include <map>

#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/jobs/replicate_driver.hpp"
#include "engine/jobs/run_file.hpp"
#include "engine/match/markov_payoffs.hpp"
#include "engine/record/file_format.hpp"

namespace kindest::jobs {
namespace {

// [invasion] initial_rules: rules separated by ';', each four probabilities or two (p, q).
std::vector<dynamics::Rule> initial_rules(const config::Config& c,
                                          const dynamics::InvasionSettings& s) {
  const std::size_t n = s.space == dynamics::StrategySpace::reactive ? 2 : 4;
  std::vector<dynamics::Rule> rules;
  for (const auto& text : config::split_list(c.text("invasion.initial_rules"), ';')) {
    if (text.empty()) continue;
    const auto p = config::parse_numbers(text, "[invasion] initial_rules");
    for (double v : p)
      if (!(v >= s.min_probability && v <= 1 - s.min_probability))
        throw ConfigError("config error: [invasion] initial_rules: '" + config::number_text(v) +
                          "' is not a probability in [min_probability, 1 - min_probability] = [" +
                          config::number_text(s.min_probability) + ", " +
                          config::number_text(1 - s.min_probability) + "] (" + c.source() + ")");
    if (p.size() != n)
      throw ConfigError(
          "config error: [invasion] initial_rules: '" + text + "' must give " + std::to_string(n) +
          " probabilities for space = " + c.text("invasion.space") + " (" + c.source() + ")");
    rules.push_back(n == 2 ? dynamics::Rule{p[0], p[1], p[0], p[1]}
                           : dynamics::Rule{p[0], p[1], p[2], p[3]});
  }
  return rules;
}

// One row of the invasion table (record::invasion_table(), in its order).
record::SeriesRecorder::Row observe(std::uint64_t generation, const dynamics::MutantInvasion& m) {
  const std::size_t top = m.dominant();
  const auto mean = m.mean_rule();
  const auto& dominant = m.rules()[top];
  return {std::vector<std::uint64_t>{generation},
          std::vector<std::uint32_t>{static_cast<std::uint32_t>(m.rules().size())},
          std::vector<double>(mean.begin(), mean.end()),
          std::vector<double>(dominant.begin(), dominant.end()),
          std::vector<double>{m.frequencies()[top]},
          std::vector<double>{m.average_payoff()},
          std::vector<double>{m.cooperation_rate()}};
}

// A checkpoint: the rules present (four numbers each) and their frequencies.
record::SeriesRecorder::State checkpoint_state(std::uint64_t generation,
                                               const std::vector<dynamics::Rule>& rules,
                                               const std::vector<double>& frequencies) {
  std::vector<double> flat;
  for (const auto& rule : rules) flat.insert(flat.end(), rule.begin(), rule.end());
  return {generation, {std::move(flat), frequencies}};
}

// The rules and frequencies of a checkpoint read back (NaN past the last rule).
void rules_of(const record::SeriesRecorder::State& state, std::vector<dynamics::Rule>& rules,
              std::vector<double>& frequencies) {
  const auto& flat = std::get<std::vector<double>>(state.arrays.at(0));
  const auto& x = std::get<std::vector<double>>(state.arrays.at(1));
  rules.clear();
  frequencies.clear();
  for (std::size_t i = 0; i < x.size() && !std::isnan(x[i]); ++i) {
    rules.push_back({flat[4 * i], flat[4 * i + 1], flat[4 * i + 2], flat[4 * i + 3]});
    frequencies.push_back(x[i]);
  }
}

JobResult run(const JobContext& context) {
  const auto outcome =
      run_invasion_job(context.config, context.output, context.progress, context.stop);
  return {invasion_summary(outcome), outcome.interrupted};
}

}  // namespace

const JobSpec& invasion_job() {
  static const JobSpec spec{
      .name = "invasion",
      .description =
          "Rare random mutants among memory-one or reactive rules in an infinite "
          "population (Nowak & Sigmund 1993), `[invasion] replicates` in parallel",
      .reads = "[invasion] [record] [match] [game] [run]",
      .writes = "/invasion",
      .progress_unit = "generations",
      .resumable = true,
      .run = run};
  return spec;
}

Summary invasion_summary(const InvasionOutcome& r) {
  // Every corner and "unfinished" always have a row, so that the layout written before the run
  // holds whatever the run ends in.
  std::map<int, std::size_t> corners;
  for (int k = 0; k < 16; ++k) corners[k] = 0;
  corners[-1] = 0;
  for (int k : r.final_corner) ++corners[k];
  const std::size_t n = r.final_corner.size();
  SummaryTable t{.name = "final_corners",
                 .title = "Nearest corner of the final mean rule (p_CC, p_CD, p_DC, p_DD), over " +
                          std::to_string(n) + " replicate" + (n == 1 ? "" : "s"),
                 .row_header = "Corner"};
  SummaryColumn count{"replicates", "replicates", {}, ColumnFormat::integer},
      share{"fraction", "fraction", {}, ColumnFormat::fixed4};
  for (int k = 0; k <= 16; ++k) {
    const int corner = k < 16 ? k : -1;
    std::string label = corner < 0 ? "unfinished" : dynamics::corner_name(corner);
    if (corner >= 0 && label[0] != '(')
      label += std::string(" = (") + (k & 8 ? "1" : "0") + "," + (k & 4 ? "1" : "0") + "," +
               (k & 2 ? "1" : "0") + "," + (k & 1 ? "1" : "0") + ")";
    t.rows.push_back(label);
    const auto c = corners[corner];
    count.values.push_back(static_cast<double>(c));
    share.values.push_back(static_cast<double>(c) / static_cast<double>(n));
  }
  t.columns = {count, share};
  Summary summary{{t}};
  if (n == 1)
    summary.tables.push_back(
        {.name = "final_mean_rule",
         .title = "Final mean rule",
         .row_header = "",
         .rows = {"p_CC", "p_CD", "p_DC", "p_DD"},
         .columns = {{"probability", "probability",
                      std::vector<double>(r.final_mean_rule[0].begin(), r.final_mean_rule[0].end()),
                      ColumnFormat::fixed4}}});
  return summary;
}

InvasionOutcome run_invasion_job(const config::Config& c, const OutputOptions& output,
                                 const GenerationProgress& progress,
                                 const std::atomic<bool>* stop) {
  const auto settings = invasion_settings_from_config(c);
  const games::PrisonersDilemma game = game_from_config(c);
  const double lowest = std::min({game.reward, game.sucker, game.temptation, game.punishment});
  if (settings.background_fitness + lowest < 0)
    throw ConfigError("config error: [invasion] background_fitness = " +
                      config::number_text(settings.background_fitness) +
                      " leaves negative fitness (lowest payoff " + config::number_text(lowest) +
                      "); the discrete replicator needs background_fitness >= " +
                      config::number_text(-lowest) + " (" + c.source() + ")");
  const double error = c.real("match.execution_error_rate");
  const dynamics::PairFunction pair = [game, error](const dynamics::Rule& own,
                                                    const dynamics::Rule& other) {
    // Every p_i lies strictly inside (0, 1), so the chain is ergodic and the first move does
    // not matter; first = p_CC is only a placeholder.
    const auto v = match::long_run_payoffs({own, own[0]}, {other, other[0]}, game, error);
    return dynamics::PairOutcome{v.payoff_per_turn[0], v.cooperation_rate[0]};
  };
  const auto given = initial_rules(c, settings);
  const auto random_rules = static_cast<std::size_t>(c.integer("invasion.initial_random_rules"));
  const std::size_t starting = given.size() + random_rules;
  if (starting == 0 || 1.0 / static_cast<double>(starting) < settings.extinction_threshold)
    throw ConfigError("config error: [invasion] " + std::to_string(starting) +
                      " starting rules (initial_rules and initial_random_rules) must be at least "
                      "1 and at most 1 / extinction_threshold, or they die out at once (" +
                      c.source() + ")");
  const auto generations = static_cast<std::uint64_t>(c.integer("invasion.generations"));
  const auto replicates = static_cast<std::size_t>(c.integer("invasion.replicates"));
  const auto interval = static_cast<std::uint64_t>(c.integer("record.interval"));
  const std::uint64_t seed = c.unsigned_integer("run.seed");
  const auto capacity = static_cast<std::size_t>(std::floor(1 / settings.extinction_threshold)) + 1;

  auto writer = open_run_file(c, output, std::string(invasion_job().name));
  const record::Dims dims{{"R", replicates}, {"C", capacity}};
  const auto& summary = record::invasion_summary_specs();
  if (!output.resume) {
    InvasionOutcome layout;
    layout.final_corner.assign(replicates, -1);
    layout.final_mean_rule.assign(replicates, dynamics::Rule{});
    write_summary(*writer, without_values(invasion_summary(layout)));
    writer->write(record::make_dataset("/invasion", summary[0], dims,
                                       std::vector<double>(replicates * 4, std::nan(""))));
    writer->write(record::make_dataset("/invasion", summary[1], dims,
                                       std::vector<std::uint32_t>(replicates, 16)));
  }
  record::SeriesRecorder recorder(*writer, record::invasion_table(), dims, replicates,
                                  records_per_replicate(generations, interval));

  InvasionOutcome outcome;
  outcome.final_mean_rule.assign(replicates, dynamics::Rule{});
  outcome.final_corner.assign(replicates, -1);

  struct Replicate {
    dynamics::MutantInvasion model;
    std::size_t r;
    std::uint64_t seed;
    void step(std::uint64_t g) {
      Stream rng = invasion_stream(seed, r, g);
      model.step(rng);
    }
    record::SeriesRecorder::Row row(std::uint64_t g) const { return observe(g, model); }
    record::SeriesRecorder::State state(std::uint64_t g) const {
      return checkpoint_state(g, model.rules(), model.frequencies());
    }
  };
  struct Job {
    const dynamics::InvasionSettings& settings;
    const dynamics::PairFunction& pair;
    const std::vector<dynamics::Rule>& given;
    std::size_t random_rules;
    std::uint64_t generations, seed;
    InvasionOutcome& outcome;

    record::SeriesRecorder::State initial_state(std::size_t r) const {
      // Generation 0's stream draws the random starting rules: generations run from 1.
      Stream rng = invasion_stream(seed, r, 0);
      std::vector<dynamics::Rule> rules = given;
      for (std::size_t k = 0; k < random_rules; ++k)
        rules.push_back(dynamics::draw_rule(settings, rng));
      return checkpoint_state(0, rules,
                              std::vector<double>(rules.size(), 1.0 / double(rules.size())));
    }
    Replicate start(std::size_t r, const record::SeriesRecorder::State& from) const {
      std::vector<dynamics::Rule> rules;
      std::vector<double> x;
      rules_of(from, rules, x);
      return {dynamics::MutantInvasion(settings, pair, rules, x), r, seed};
    }
    void finished(std::size_t r, Replicate& sim, std::uint64_t g) {
      if (g != generations) return;  // only replicates at the last generation have a result
      outcome.final_mean_rule[r] = sim.model.mean_rule();
      outcome.final_corner[r] = dynamics::nearest_corner(outcome.final_mean_rule[r]);
    }
    void skipped(std::size_t r, const record::SeriesRecorder::State& from) {
      if (from.generation != generations) return;  // finished in an earlier run
      std::vector<dynamics::Rule> rules;
      std::vector<double> x;
      rules_of(from, rules, x);
      outcome.final_mean_rule[r] = dynamics::mean_rule(rules, x);
      outcome.final_corner[r] = dynamics::nearest_corner(outcome.final_mean_rule[r]);
    }
    void write_results(record::Hdf5Writer& writer, bool interrupted) {
      const std::size_t n = outcome.final_corner.size();
      std::vector<double> mean(n * 4, std::nan(""));
      std::vector<std::uint32_t> corner(n, 16);
      for (std::size_t r = 0; r < n; ++r) {
        if (outcome.final_corner[r] < 0) continue;
        for (std::size_t s = 0; s < 4; ++s) mean[4 * r + s] = outcome.final_mean_rule[r][s];
        corner[r] = static_cast<std::uint32_t>(outcome.final_corner[r]);
      }
      writer.overwrite("/invasion/final_mean_rule", mean);
      writer.overwrite("/invasion/final_corner", corner);
      if (!interrupted) write_summary_values(writer, invasion_summary(outcome));
    }
  } job{settings, pair, given, random_rules, generations, seed, outcome};

  // A generation takes ~150 ns: the clock and the shared progress counter are looked at every
  // 1024 generations only (every generation cost 26% on one thread and most of the scaling).
  outcome.interrupted = drive_replicates(c, *writer, recorder,
                                         {.replicates = replicates,
                                          .generations = generations,
                                          .stride = 1024,
                                          .resume = output.resume},
                                         job, progress, stop);
  return outcome;
}

}  // namespace kindest::jobs
