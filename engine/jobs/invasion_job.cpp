#include "engine/jobs/invasion_job.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <map>

#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/jobs/replicate_loop.hpp"
#include "engine/jobs/run_file.hpp"
#include "engine/match/markov_payoffs.hpp"
#include "engine/record/invasion_recorder.hpp"

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

record::InvasionRecord observe(std::uint64_t generation, const dynamics::MutantInvasion& m) {
  const std::size_t top = m.dominant();
  return {.generation = generation,
          .residents = static_cast<std::uint32_t>(m.rules().size()),
          .mean_rule = m.mean_rule(),
          .dominant_rule = m.rules()[top],
          .dominant_frequency = m.frequencies()[top],
          .average_payoff = m.average_payoff(),
          .cooperation_rate = m.cooperation_rate()};
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
  std::map<int, std::size_t> corners;
  for (int k : r.final_corner) ++corners[k];
  const std::size_t n = r.final_corner.size();
  SummaryTable t{.name = "final_corners",
                 .title = "Nearest corner of the final mean rule (p_CC, p_CD, p_DC, p_DD), over " +
                          std::to_string(n) + " replicate" + (n == 1 ? "" : "s"),
                 .row_header = "Corner"};
  SummaryColumn count{"replicates", "replicates", {}, ColumnFormat::integer},
      share{"fraction", "fraction", {}, ColumnFormat::fixed4};
  for (const auto& [k, c] : corners) {
    std::string label = k < 0 ? "unfinished" : dynamics::corner_name(k);
    if (k >= 0 && label[0] != '(')
      label += std::string(" = (") + (k & 8 ? "1" : "0") + "," + (k & 4 ? "1" : "0") + "," +
               (k & 2 ? "1" : "0") + "," + (k & 1 ? "1" : "0") + ")";
    t.rows.push_back(label);
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
  if (!output.resume) {
    writer->write(record::Dataset{"/invasion/final_mean_rule",
                                  {replicates, 4},
                                  std::vector<double>(replicates * 4, std::nan("")),
                                  "probability",
                                  "Frequency-weighted mean rule at the last generation; NaN for "
                                  "a replicate that has not finished."});
    writer->write(record::Dataset{"/invasion/final_corner",
                                  {replicates},
                                  std::vector<std::uint32_t>(replicates, 16),
                                  "-",
                                  "Corner of the unit cube nearest final_mean_rule, 8 [p_CC >= "
                                  "1/2] + 4 [p_CD >= 1/2] + 2 [p_DC >= 1/2] + [p_DD >= 1/2] "
                                  "(9 = WSLS, 10 = TFT); 16 = not finished."});
  }
  record::InvasionRecorder recorder(*writer, replicates, capacity,
                                    records_per_replicate(generations, interval));
  // A replicate's state at the start and at the end of this call (an interrupted replicate
  // that never started keeps its start; only those at the last generation have a final rule).
  std::vector<record::InvasionCheckpoint> begin(replicates);
  for (std::size_t r = 0; r < replicates; ++r) {
    if (output.resume) {
      begin[r] = recorder.resume(r);
    } else {
      // Generation 0's stream draws the random starting rules: generations run from 1.
      Stream rng(seed, Purpose::mutation, r, 0);
      begin[r] = {0, given, {}};
      for (std::size_t k = 0; k < random_rules; ++k)
        begin[r].rules.push_back(dynamics::draw_rule(settings, rng));
      begin[r].frequencies.assign(starting, 1.0 / static_cast<double>(starting));
      recorder.create(r, begin[r]);
    }
  }
  writer->start_swmr();

  std::vector<record::InvasionCheckpoint> last = begin;
  InvasionOutcome outcome;
  outcome.final_mean_rule.assign(replicates, dynamics::Rule{});
  outcome.final_corner.assign(replicates, -1);
  std::uint64_t already_done = 0;
  for (const auto& b : begin) already_done += b.generation;
  // A generation takes ~150 ns: the clock and the shared progress counter are looked at every
  // 1024 generations only (every generation cost 26% on one thread and most of the scaling).
  ReplicateLoop loop(c, generations, replicates, 1024, already_done, progress, stop);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, replicates, 1), [&](const auto& range) {
    for (std::size_t r = range.begin(); r != range.end(); ++r) {
      if (loop.stopping()) {
        loop.skip();
        continue;
      }
      dynamics::MutantInvasion model(settings, pair, begin[r].rules, begin[r].frequencies);
      const auto state = [&](std::uint64_t g) {
        return record::InvasionCheckpoint{g, model.rules(), model.frequencies()};
      };
      const auto step = [&](std::uint64_t g) {
        Stream rng(seed, Purpose::mutation, r, g);
        model.step(rng);
      };
      const auto record = [&](std::uint64_t g) { recorder.record(r, observe(g, model)); };
      const auto checkpoint = [&](std::uint64_t g, bool flush) {
        recorder.checkpoint(r, state(g), flush);
      };
      const bool fresh = begin[r].generation == 0 && recorder.rows(r) == 0;
      last[r] = state(loop.run(begin[r].generation, fresh, step, record, checkpoint));
    }
  });
  std::vector<double> mean(replicates * 4, std::nan(""));
  std::vector<std::uint32_t> corner(replicates, 16);
  for (std::size_t r = 0; r < replicates; ++r) {
    if (last[r].generation != generations) continue;
    outcome.final_mean_rule[r] = dynamics::mean_rule(last[r].rules, last[r].frequencies);
    outcome.final_corner[r] = dynamics::nearest_corner(outcome.final_mean_rule[r]);
    for (std::size_t s = 0; s < 4; ++s) mean[4 * r + s] = outcome.final_mean_rule[r][s];
    corner[r] = static_cast<std::uint32_t>(outcome.final_corner[r]);
  }
  writer->overwrite("/invasion/final_mean_rule", mean);
  writer->overwrite("/invasion/final_corner", corner);
  writer->flush();
  outcome.interrupted = loop.interrupted();
  if (!outcome.interrupted) writer->mark_complete();
  return outcome;
}

}  // namespace kindest::jobs
