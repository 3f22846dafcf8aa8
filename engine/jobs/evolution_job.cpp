#include "engine/jobs/evolution_job.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"
#include "engine/dynamics/population_payoffs.hpp"
#include "engine/dynamics/process.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/jobs/population_game.hpp"
#include "engine/jobs/replicate_loop.hpp"
#include "engine/jobs/run_file.hpp"
#include "engine/match/population_matches.hpp"
#include "engine/record/trajectory_recorder.hpp"

namespace kindest::jobs {
namespace {

// The payoffs a generation is played with. Matrix and group games are fixed; with matches,
// generation g's matrix is played from the population as it starts generation g, and recorded
// payoffs at the end of g use that same realised matrix.
class GenerationPayoffs {
 public:
  GenerationPayoffs(const PopulationGame& game, const config::Config& c, bool self_interaction)
      : game_(game), self_interaction_(self_interaction), seed_(c.unsigned_integer("run.seed")) {
    if (!game.players.empty()) match_ = match_settings_from_config(c);
    if (game.group)
      payoffs_ = std::make_unique<dynamics::GroupPayoffs>(*game.group);
    else if (game.players.empty())
      payoffs_ = std::make_unique<dynamics::MatrixPayoffs>(game.payoffs, self_interaction);
  }

  dynamics::PopulationPayoffs& prepare(const dynamics::Population& p, std::uint64_t replicate,
                                       std::uint64_t generation) {
    if (!game_.players.empty()) {
      realised_ = match::play_population_matches(game_.players, p.counts, game_.stage_game, match_,
                                                 seed_, replicate, generation);
      payoffs_ = std::make_unique<dynamics::MatrixPayoffs>(realised_->payoffs, self_interaction_);
    }
    return *payoffs_;
  }

  record::GenerationRecord observe(std::uint64_t generation, const dynamics::Population& p) {
    payoffs_->reset(p);
    record::GenerationRecord r;
    r.generation = generation;
    r.counts = p.counts;
    const std::size_t s = p.strategies();
    const double z = static_cast<double>(p.size());
    r.mean_payoff.assign(s, std::nan(""));
    for (std::uint32_t i = 0; i < s; ++i) {
      if (p.counts[i] == 0) continue;
      r.mean_payoff[i] = payoffs_->payoff(i);
      r.average_payoff += p.counts[i] * r.mean_payoff[i] / z;
    }
    r.cooperation_rate = std::nan("");
    const games::PayoffMatrix* cooperation = realised_           ? &realised_->cooperation
                                             : game_.cooperation ? &*game_.cooperation
                                                                 : nullptr;
    if (cooperation) {
      // Ordered pairs of distinct individuals (or any two, with self-interaction).
      double sum = 0;
      for (std::size_t i = 0; i < s; ++i)
        for (std::size_t j = 0; j < s; ++j) {
          const double pairs =
              static_cast<double>(p.counts[i]) *
              (static_cast<double>(p.counts[j]) - (i == j && !self_interaction_ ? 1.0 : 0.0));
          if (pairs > 0) sum += pairs * (*cooperation)(i, j);
        }
      r.cooperation_rate = sum / (z * (self_interaction_ ? z : z - 1));
    }
    return r;
  }

 private:
  const PopulationGame& game_;
  bool self_interaction_;
  std::uint64_t seed_;
  match::MatchSettings match_;
  std::optional<match::RealisedGame> realised_;
  std::unique_ptr<dynamics::PopulationPayoffs> payoffs_;
};

JobResult run(const JobContext& context) {
  const auto outcome = run_evolution_job(context.config, context.resolve, context.output,
                                         context.progress, context.stop);
  return {evolution_summary(outcome), outcome.interrupted};
}

}  // namespace

const JobSpec& evolution_job() {
  static const JobSpec spec{
      .name = "evolution",
      .description =
          "Finite population (Moran, pairwise comparison, Wright-Fisher) with "
          "mutation: `[dynamics] replicates` trajectories in parallel",
      .reads = "[population] [payoffs] [dynamics] [record] [match] [game] [run]",
      .writes = "/population, /replicates/rNNNN",
      .progress_unit = "generations",
      .resumable = true,
      .run = run};
  return spec;
}

Summary evolution_summary(const EvolutionOutcome& r) {
  SummaryColumn final_frequency{"final_frequency", "final", {}, ColumnFormat::fixed4};
  for (std::size_t i = 0; i < r.strategies.size(); ++i) {
    double sum = 0, total = 0;
    for (const auto& counts : r.final_counts) {
      sum += counts[i];
      for (auto c : counts) total += c;
    }
    final_frequency.values.push_back(total > 0 ? sum / total : std::nan(""));
  }
  const std::size_t n = r.final_counts.size();
  return {{{.name = "frequencies",
            .title = "Frequencies at the last generation (mean over " + std::to_string(n) +
                     " replicate" + (n == 1 ? "" : "s") + ")",
            .row_header = "Strategy",
            .rows = r.strategies,
            .columns = {final_frequency}}}};
}

std::vector<std::uint32_t> initial_counts(const config::Config& c, std::size_t strategies) {
  const std::uint64_t z = c.unsigned_integer("population.size");
  std::vector<std::uint32_t> counts;
  const std::string text = c.text("population.initial_counts");
  if (text.empty()) {
    for (std::size_t i = 0; i < strategies; ++i)
      counts.push_back(static_cast<std::uint32_t>(z / strategies + (i < z % strategies ? 1 : 0)));
    return counts;
  }
  std::uint64_t total = 0;
  for (double n : config::parse_numbers(text, "[population] initial_counts")) {
    if (n < 0 || n != std::floor(n) || n > 4294967295.0)
      throw ConfigError("config error: [population] initial_counts: '" + config::number_text(n) +
                        "' is not a count");
    counts.push_back(static_cast<std::uint32_t>(n));
    total += static_cast<std::uint64_t>(n);
  }
  if (counts.size() != strategies || total != z)
    throw ConfigError("config error: [population] initial_counts = " + text + " must give " +
                      std::to_string(strategies) +
                      " counts summing to size = " + std::to_string(z) + " (got " +
                      std::to_string(counts.size()) + " summing to " + std::to_string(total) + ")");
  return counts;
}

EvolutionOutcome run_evolution_job(const config::Config& c, const PlayerResolver& resolve,
                                   const OutputOptions& output, const GenerationProgress& progress,
                                   const std::atomic<bool>* stop) try {
  const PopulationGame game = population_game_from_config(c, resolve);
  const std::size_t s = game.strategies.size();
  const auto initial = initial_counts(c, s);
  auto settings = process_settings_from_config(c);
  std::optional<dynamics::LocalMutation> local_mutation;
  if (config::choice(c, config::kMutation) == config::MutationKind::local) {
    if (game.memory_one.empty())
      throw ConfigError(
          "config error: [dynamics] mutation = local needs memory-one strategies "
          "(MemoryOne(...), Reactive(...), TitForTat, ... or [population] "
          "memory_one_grid) (" +
          c.source() + ")");
    local_mutation.emplace(game.memory_one, c.real("dynamics.mutation_scale"));
    settings.local_mutation = &*local_mutation;
  }
  const auto process = dynamics::make_process(settings, game.payoff_range());
  const auto generations = static_cast<std::uint64_t>(c.integer("dynamics.generations"));
  const auto replicates = static_cast<std::size_t>(c.integer("dynamics.replicates"));
  const auto interval = static_cast<std::uint64_t>(c.integer("record.interval"));
  const std::uint64_t seed = c.unsigned_integer("run.seed");

  auto writer = open_run_file(c, output, std::string(evolution_job().name));
  if (!output.resume) write_population(*writer, game);
  record::TrajectoryRecorder recorder(*writer, replicates, s,
                                      records_per_replicate(generations, interval));
  std::vector<record::Checkpoint> start(replicates);
  for (std::size_t r = 0; r < replicates; ++r) {
    if (output.resume) {
      start[r] = recorder.resume(r);
    } else {
      recorder.create(r, initial);
      start[r] = {0, initial};
    }
  }
  writer->start_swmr();

  EvolutionOutcome outcome;
  outcome.strategies = game.strategies;
  outcome.final_counts.resize(replicates);
  std::atomic<std::uint64_t> events{0};
  std::uint64_t already_done = 0;
  for (const auto& st : start) already_done += st.generation;
  ReplicateLoop loop(c, generations, replicates, 1, already_done, progress, stop);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, replicates, 1), [&](const auto& range) {
    for (std::size_t r = range.begin(); r != range.end(); ++r) {
      if (loop.stopping()) {  // not started: its file state is already a valid starting point
        loop.skip();
        outcome.final_counts[r] = start[r].counts;
        continue;
      }
      dynamics::Population population{start[r].counts};
      GenerationPayoffs payoffs(game, c, settings.self_interaction);
      const auto step = [&](std::uint64_t g) {
        // Without mutation a monomorphic population never changes again, and every generation
        // has its own stream, so skipping the simulation changes no bit of the result (matches
        // are still played: their realised payoffs are recorded).
        const bool absorbed =
            settings.mutation_rate == 0 && game.players.empty() &&
            std::count(population.counts.begin(), population.counts.end(), 0u) + 1 ==
                static_cast<std::ptrdiff_t>(population.strategies());
        if (absorbed) return;
        Stream rng(seed, Purpose::population, r, g);
        // Stage 0: play (prepare); stages 2-4, fitness, update and mutate, inside the process.
        process->run_generation(population, payoffs.prepare(population, r, g), rng);
        events += process->events_per_generation(population.size());
      };
      const auto record = [&](std::uint64_t g) {
        if (g == 0) payoffs.prepare(population, r, 1);  // the payoffs generation 1 will use
        recorder.record(r, payoffs.observe(g, population));
      };
      const auto checkpoint = [&](std::uint64_t g, bool flush) {
        recorder.checkpoint(r, {g, population.counts}, flush);
      };
      // Not yet on file: a fresh run, or one killed before its first flush.
      const bool fresh = start[r].generation == 0 && recorder.rows(r) == 0;
      loop.run(start[r].generation, fresh, step, record, checkpoint);
      outcome.final_counts[r] = population.counts;
    }
  });
  writer->flush();
  outcome.interrupted = loop.interrupted();
  outcome.events = events;
  if (!outcome.interrupted) writer->mark_complete();
  return outcome;
} catch (const ModelError& e) {
  // Models know no config keys; say which key set the parameter.
  throw config_error(e, c);
}

}  // namespace kindest::jobs
