#include "engine/jobs/evolution_job.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/resources.hpp"
#include "engine/dynamics/population_payoffs.hpp"
#include "engine/dynamics/process.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/jobs/graph_evolution.hpp"
#include "engine/jobs/population_game.hpp"
#include "engine/jobs/replicate_driver.hpp"
#include "engine/jobs/reputation_evolution.hpp"
#include "engine/jobs/run_file.hpp"
#include "engine/match/population_matches.hpp"
#include "engine/record/file_format.hpp"

namespace kindest::jobs {
namespace {

// The payoffs a generation is played with. Matrix and group games are fixed; with matches,
// generation g's matrix is played from the population as it starts generation g, and recorded
// payoffs at the end of g use that same realised matrix.
class GenerationPayoffs {
 public:
  GenerationPayoffs(const PopulationGame& game, const config::Config& c, bool self_interaction,
                    const std::atomic<bool>* stop)
      : game_(game),
        self_interaction_(self_interaction),
        seed_(c.unsigned_integer("run.seed")),
        stop_(stop) {
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
                                                 seed_, replicate, generation, stop_);
      payoffs_ = std::make_unique<dynamics::MatrixPayoffs>(realised_->payoffs, self_interaction_);
    }
    return *payoffs_;
  }

  // One row of the evolution table (record::evolution_table(), in its order).
  record::SeriesRecorder::Row observe(std::uint64_t generation, const dynamics::Population& p) {
    payoffs_->reset(p);
    const std::size_t s = p.strategies();
    const double z = static_cast<double>(p.size());
    std::vector<double> mean_payoff(s, std::nan("")), by_strategy(s, std::nan(""));
    double average_payoff = 0;
    for (std::uint32_t i = 0; i < s; ++i) {
      if (p.counts[i] == 0) continue;
      mean_payoff[i] = payoffs_->payoff(i);
      average_payoff += p.counts[i] * mean_payoff[i] / z;
    }
    double cooperation_rate = std::nan("");
    const games::PayoffMatrix* cooperation = realised_           ? &realised_->cooperation
                                             : game_.cooperation ? &*game_.cooperation
                                                                 : nullptr;
    if (cooperation) {
      // Ordered pairs of distinct individuals (or any two, with self-interaction): an
      // individual of strategy i meets each of the others (z - 1 of them) equally often.
      double sum = 0;
      const double others = self_interaction_ ? z : z - 1;
      for (std::size_t i = 0; i < s; ++i) {
        double own = 0;
        for (std::size_t j = 0; j < s; ++j) {
          const double partners =
              static_cast<double>(p.counts[j]) - (i == j && !self_interaction_ ? 1.0 : 0.0);
          const double pairs = static_cast<double>(p.counts[i]) * partners;
          if (pairs > 0) sum += pairs * (*cooperation)(i, j);
          if (p.counts[i] > 0 && partners > 0) own += partners * (*cooperation)(i, j);
        }
        if (p.counts[i] > 0) by_strategy[i] = own / others;
      }
      cooperation_rate = sum / (z * others);
    }
    return {std::vector<std::uint64_t>{generation},
            p.counts,
            std::move(mean_payoff),
            std::vector<double>{average_payoff},
            std::vector<double>{cooperation_rate},
            std::move(by_strategy),
            std::vector<double>{std::nan("")},  // good_fraction and the group rates:
            std::vector<double>{std::nan("")},  // reputation games only
            std::vector<double>{std::nan("")}};
  }

 private:
  const PopulationGame& game_;
  bool self_interaction_;
  std::uint64_t seed_;
  const std::atomic<bool>* stop_;  // matches of a large population stop part-way
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
      .reads =
          "[population] [payoffs] [dynamics] [record] [match] [game] [reputation] [groups] [run]",
      .writes = "/population, /replicates/rNNNN",
      .progress_unit = "generations",
      .resumable = true,
      .run = run};
  return spec;
}

Summary evolution_summary(const EvolutionOutcome& r) {
  const std::size_t s = r.strategies.size();
  SummaryColumn final_frequency{"final_frequency", "final", {}, ColumnFormat::fixed4},
      mean_frequency{"mean_frequency", "time mean", r.mean_frequency, ColumnFormat::fixed4};
  if (mean_frequency.values.size() != s) mean_frequency.values.assign(s, std::nan(""));
  for (std::size_t i = 0; i < s; ++i) {
    double sum = 0, total = 0;
    for (const auto& counts : r.final_counts) {
      if (counts.size() != s) continue;
      sum += counts[i];
      for (auto c : counts) total += c;
    }
    final_frequency.values.push_back(total > 0 ? sum / total : std::nan(""));
  }
  const std::size_t n = r.final_counts.size();
  return {
      {{.name = "frequencies",
        .title = "Frequencies at the last generation and over all recorded generations "
                 "(mean over " +
                 std::to_string(n) + " replicate" + (n == 1 ? "" : "s") + ")",
        .row_header = "Strategy",
        .rows = r.strategies,
        .columns = {final_frequency, mean_frequency}},
       {.name = "population",
        .title = "Cooperation (NaN for a plain matrix game)",
        .row_header = "",
        .rows = {"all"},
        .columns = {
            {"final_cooperation_rate", "final", {r.final_cooperation_rate}, ColumnFormat::fixed4},
            {"mean_cooperation_rate",
             "time mean",
             {r.mean_cooperation_rate},
             ColumnFormat::fixed4}}}}};
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

void write_evolution_results(record::Hdf5Writer& writer, const record::SeriesRecorder& recorder,
                             EvolutionOutcome& outcome) {
  // Time averages from the series on file: what a resumed run wrote before it counts too.
  const std::size_t s = outcome.strategies.size();
  std::vector<double> frequency(s, 0.0);
  double rows = 0, cooperation = 0, final_cooperation = 0;
  for (std::size_t r = 0; r < outcome.final_counts.size(); ++r) {
    const auto counts = writer.read_numbers(recorder.group(r) + "/counts");
    const auto rate = writer.read_numbers(recorder.group(r) + "/cooperation_rate");
    for (std::size_t k = 0; k < rate.size(); ++k) {
      double z = 0;
      for (std::size_t i = 0; i < s; ++i) z += counts[k * s + i];
      for (std::size_t i = 0; i < s; ++i) frequency[i] += counts[k * s + i] / z;
      cooperation += rate[k];
    }
    rows += static_cast<double>(rate.size());
    final_cooperation += rate.empty() ? std::nan("") : rate.back();
  }
  const double n = static_cast<double>(outcome.final_counts.size());
  for (auto& f : frequency) f /= rows;
  outcome.mean_frequency = frequency;
  outcome.mean_cooperation_rate = cooperation / rows;
  outcome.final_cooperation_rate = final_cooperation / n;
  write_summary_values(writer, evolution_summary(outcome));
}

EvolutionFile open_evolution_file(const config::Config& c, const OutputOptions& output,
                                  const PopulationGame& game, std::size_t replicates) {
  EvolutionFile file{open_run_file(c, output, std::string(evolution_job().name)), {}};
  file.outcome.strategies = game.strategies;
  file.outcome.final_counts.resize(replicates);
  if (!output.resume) {
    write_population(*file.writer, game);
    write_summary(*file.writer, without_values(evolution_summary(file.outcome)));
  }
  return file;
}

namespace {

// Series are compressed (shuffle + deflate), by how much depends on the run, so the disk check
// cannot refuse by the uncompressed size: ordinary runs would be refused. Measured (kindest run,
// 1 replicate, interval 1): a drifting population of 5 strategies with mutation 0.05 wrote 41%
// of its uncompressed size, identical rows (a population fixed without mutation) 1.0% with 5
// strategies and 1.7% with 81. The check refuses only what cannot fit even at a fifth of the
// smallest of these, 0.2%: such a run needs more disk than there is whatever its trajectory
// (e.g. 1e15 generations recorded every one), and no real run is refused by it.
constexpr double kSmallestCompressedFraction = 0.002;

void check_evolution_disk(const config::Config& c, const OutputOptions& output, std::size_t s,
                          std::size_t replicates, std::size_t records_per_replicate) {
  double row_bytes = 0;
  for (const auto& spec : record::evolution_table().series)
    row_bytes += (spec.dtype == record::Dtype::uint32 ? 4.0 : 8.0) *
                 static_cast<double>(record::size_of(record::resolve(spec.shape, {{"S", s}})));
  const double records =
      static_cast<double>(records_per_replicate) * static_cast<double>(replicates);
  const double uncompressed = records * row_bytes;
  // A resumed run adds to what is on file already.
  std::error_code ec;
  const double on_file =
      output.resume ? static_cast<double>(std::filesystem::file_size(output.path, ec)) : 0;
  const double least =
      std::max(0.0, uncompressed * kSmallestCompressedFraction - (ec ? 0 : on_file));
  require_disk(least, output.path,
               "[dynamics] generations = " + c.text("dynamics.generations") +
                   " with [record] interval = " + c.text("record.interval") + " and " +
                   std::to_string(replicates) + " replicate" + (replicates == 1 ? "" : "s") + " (" +
                   estimate_text(records) + " records of " + number_text(row_bytes) + " bytes, " +
                   size_text(uncompressed) + " uncompressed, at least " +
                   number_text(100 * kSmallestCompressedFraction) + "% of that compressed)",
               "lower [dynamics] generations or replicates, raise [record] interval, or write "
               "to a disk with more room (--output)");
}

}  // namespace

EvolutionOutcome run_evolution_job(const config::Config& c, const PlayerResolver& resolve,
                                   const OutputOptions& output, const GenerationProgress& progress,
                                   const std::atomic<bool>* stop) try {
  if (c.text("structure.snapshots") != "none" &&
      config::choice(c, config::kGraph) == config::GraphKind::well_mixed)
    throw ConfigError("config error: [structure] snapshots = " + c.text("structure.snapshots") +
                      " records the nodes of a graph; with [structure] graph = well_mixed the "
                      "allowed value is none (" +
                      c.source() + ")");
  // The reputation game is played among individuals, not from counts: its own path.
  if (config::choice(c, config::kPayoffSource) == config::PayoffSource::reputation)
    return run_reputation_evolution(c, output, progress, stop);
  // A population on a graph is individual-based too: its own path.
  if (config::choice(c, config::kGraph) != config::GraphKind::well_mixed)
    return run_graph_evolution(c, resolve, output, progress, stop);
  if (c.integer("dynamics.updates_per_generation") != 0)
    throw ConfigError("config error: [dynamics] updates_per_generation = " +
                      std::to_string(c.integer("dynamics.updates_per_generation")) +
                      " needs [payoffs] source = reputation; with other sources a generation is "
                      "Z update events, allowed value 0 (" +
                      c.source() + ")");
  const PopulationGame game = population_game_from_config(c, resolve);
  const std::size_t s = game.strategies.size();
  const auto initial = initial_counts(c, s);
  auto settings = process_settings_from_config(c);
  settings.stop = stop;  // a generation of a large population stops part-way (core/stop.hpp)
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

  check_evolution_disk(c, output, s, replicates, records_per_replicate(generations, interval));
  auto file = open_evolution_file(c, output, game, replicates);
  auto& writer = file.writer;
  auto& outcome = file.outcome;
  record::SeriesRecorder recorder(*writer, record::evolution_table(), {{"S", s}}, replicates,
                                  records_per_replicate(generations, interval));

  std::atomic<std::uint64_t> events{0};

  // One replicate: its population and the payoffs it plays with.
  struct Replicate {
    dynamics::Population population;
    GenerationPayoffs payoffs;
    std::size_t r;
    const PopulationGame& game;
    const dynamics::ProcessSettings& settings;
    const dynamics::Process& process;
    std::uint64_t seed;
    std::atomic<std::uint64_t>& events;

    void step(std::uint64_t g) {
      // Without mutation a monomorphic population never changes again, and every generation
      // has its own stream, so skipping the simulation changes no bit of the result (matches
      // are still played: their realised payoffs are recorded).
      const bool absorbed =
          settings.mutation_rate == 0 && game.players.empty() &&
          std::count(population.counts.begin(), population.counts.end(), 0u) + 1 ==
              static_cast<std::ptrdiff_t>(population.strategies());
      if (absorbed) return;
      Stream rng = population_stream(seed, r, g);
      // Stage 0: play (prepare); stages 2-4, fitness, update and mutate, inside the process.
      process.run_generation(population, payoffs.prepare(population, r, g), rng);
      events += process.events_per_generation(population.size());
    }
    record::SeriesRecorder::Row row(std::uint64_t g) {
      if (g == 0) payoffs.prepare(population, r, 1);  // the payoffs generation 1 will use
      return payoffs.observe(g, population);
    }
    record::SeriesRecorder::State state(std::uint64_t g) const { return {g, {population.counts}}; }
  };
  struct Job {
    const config::Config& c;
    const PopulationGame& game;
    const dynamics::ProcessSettings& settings;
    const dynamics::Process& process;
    const std::vector<std::uint32_t>& initial;
    std::uint64_t seed;
    std::atomic<std::uint64_t>& events;
    EvolutionOutcome& outcome;

    static std::vector<std::uint32_t> counts(const record::SeriesRecorder::State& state) {
      return std::get<std::vector<std::uint32_t>>(state.arrays.at(0));
    }
    record::SeriesRecorder::State initial_state(std::size_t) const { return {0, {initial}}; }
    Replicate start(std::size_t r, const record::SeriesRecorder::State& from) const {
      return {dynamics::Population{counts(from)},
              GenerationPayoffs(game, c, settings.self_interaction, settings.stop),
              r,
              game,
              settings,
              process,
              seed,
              events};
    }
    void finished(std::size_t r, Replicate& sim, std::uint64_t) {
      outcome.final_counts[r] = sim.population.counts;
    }
    void skipped(std::size_t r, const record::SeriesRecorder::State& from) {
      outcome.final_counts[r] = counts(from);
    }
    const record::SeriesRecorder& recorder;

    void write_results(record::Hdf5Writer& writer, bool interrupted) {
      if (!interrupted) write_evolution_results(writer, recorder, outcome);
    }
  } job{c, game, settings, *process, initial, seed, events, outcome, recorder};

  outcome.interrupted = drive_replicates(
      c, *writer, recorder,
      {.replicates = replicates, .generations = generations, .stride = 1, .resume = output.resume},
      job, progress, stop);
  outcome.events = events;
  return outcome;
} catch (const ModelError& e) {
  // Models know no config keys; say which key set the parameter.
  throw config_error(e, c);
}

}  // namespace kindest::jobs
