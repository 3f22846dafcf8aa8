#include "engine/jobs/graph_evolution.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/jobs/population_game.hpp"
#include "engine/jobs/replicate_driver.hpp"
#include "engine/jobs/run_file.hpp"
#include "engine/record/file_format.hpp"
#include "engine/structure/graph_population.hpp"

namespace kindest::jobs {
namespace {

using record::SeriesRecorder;
using structure::Graph;
using structure::GraphPopulation;

// Positions of the checkpoint arrays (record::graph_evolution_table()).
enum CheckpointArray : std::size_t { counts_at = 0, individuals_at };

bool random_family(config::GraphKind kind) {
  return kind == config::GraphKind::random_regular || kind == config::GraphKind::erdos_renyi ||
         kind == config::GraphKind::barabasi_albert || kind == config::GraphKind::watts_strogatz;
}

std::string where(const config::Config& c) {
  return c.source() == "command line" ? "on the command line" : "in " + c.source();
}

// [structure] snapshots: each node's strategy after the chosen generations, in
// /replicates/rNNNN/snapshots (record::graph_snapshot_specs()). A snapshot is appended as soon
// as its generation has run, so the flush before the next checkpoint makes it durable: every
// snapshot a checkpoint covers is on disk, and resume drops those past it.
class Snapshots {
 public:
  Snapshots(record::Hdf5Writer& writer, const SeriesRecorder& recorder,
            std::vector<std::uint64_t> at, std::size_t nodes)
      : writer_(writer), recorder_(recorder), at_(std::move(at)), nodes_(nodes) {}

  /// A fresh replicate, before the writer starts SWMR: the datasets, and generation 0's
  /// snapshot if it is one.
  void create(std::size_t r, const std::vector<std::uint32_t>& initial) {
    if (at_.empty()) return;
    const auto& specs = record::graph_snapshot_specs();
    const std::size_t k = at_.size();
    writer_.create_series(path(r, 0), {}, std::vector<std::uint64_t>{}, specs[0].units,
                          specs[0].description, k);
    // One snapshot per chunk: each is written once, and a reader takes one without the others.
    writer_.create_series(path(r, 1), {nodes_}, std::vector<std::uint32_t>{}, specs[1].units,
                          specs[1].description, 1);
    take(r, 0, initial);
  }
  /// A resumed replicate whose checkpoint is after generation g: drops snapshots past g (a
  /// stopped run may have written them) and checks those up to g are all there.
  void resume(std::size_t r, std::uint64_t g) {
    if (at_.empty()) return;
    const auto covered =
        static_cast<std::size_t>(std::upper_bound(at_.begin(), at_.end(), g) - at_.begin());
    for (std::size_t k = 0; k < 2; ++k) {
      if (writer_.rows(path(r, k)) < covered)
        throw FileError("cannot resume '" + writer_.path() + "': " + path(r, k) + " has " +
                        std::to_string(writer_.rows(path(r, k))) +
                        " snapshots, the checkpoint "
                        "at generation " +
                        std::to_string(g) + " covers " + std::to_string(covered));
      writer_.truncate(path(r, k), covered);
    }
  }
  /// After generation g has run: its snapshot, if it is one.
  void take(std::size_t r, std::uint64_t g, const std::vector<std::uint32_t>& strategy_of) {
    if (!std::binary_search(at_.begin(), at_.end(), g)) return;
    writer_.append(path(r, 1), strategy_of);
    writer_.append(path(r, 0), std::vector<std::uint64_t>{g});
  }

 private:
  std::string path(std::size_t r, std::size_t k) const {
    return recorder_.group(r) + "/snapshots/" + record::graph_snapshot_specs()[k].name;
  }
  record::Hdf5Writer& writer_;
  const SeriesRecorder& recorder_;
  std::vector<std::uint64_t> at_;
  std::size_t nodes_;
};

// What every replicate shares.
struct Setup {
  const config::Config& config;
  PopulationGame game;
  structure::GraphDynamicsSettings rules;
  std::shared_ptr<const Graph> fixed_graph;  // lattices, rings, edge lists: one for all replicates
  std::uint64_t seed = 0;

  std::shared_ptr<const Graph> graph_of(std::uint64_t replicate) const {
    if (fixed_graph) return fixed_graph;
    return std::make_shared<const Graph>(graph_from_config(config, replicate));
  }
};

struct Replicate {
  const Setup& setup;
  std::size_t r;
  std::shared_ptr<const Graph> graph;
  GraphPopulation population;
  std::atomic<std::uint64_t>& events;
  Snapshots& snapshots;

  void step(std::uint64_t g) {
    // As in the count-based job: without mutation a monomorphic population never changes, and
    // every generation has its own stream, so skipping it changes no bit.
    const auto& counts = population.counts();
    const bool absorbed =
        setup.rules.mutation_rate == 0 && std::count(counts.begin(), counts.end(), 0u) + 1 ==
                                              static_cast<std::ptrdiff_t>(counts.size());
    if (!absorbed) {
      Stream rng = population_stream(setup.seed, r, g);
      population.generation(rng);
      events += population.size();
    }
    snapshots.take(r, g, population.strategy_of());
  }

  // One row of the evolution table, in its order: payoffs are means over each strategy's
  // nodes; cooperation is over directed edges (v plays w), from the game's cooperation matrix.
  SeriesRecorder::Row row(std::uint64_t g) const {
    const std::size_t s = population.strategies(), n = population.size();
    std::vector<double> payoff_sum(s, 0.0), coop_sum(s, 0.0), games(s, 0.0);
    const auto& cooperation = setup.game.cooperation;
    double total = 0;
    for (structure::Node v = 0; v < n; ++v) {
      const std::uint32_t mine = population.strategy(v);
      const double p = population.payoff(v);
      payoff_sum[mine] += p;
      total += p;
      if (!cooperation) continue;
      for (structure::Node w : graph->neighbours(v))
        coop_sum[mine] += (*cooperation)(mine, population.strategy(w));
      games[mine] += double(graph->degree(v));
    }
    std::vector<std::uint32_t> counts32(s);
    std::vector<double> mean_payoff(s, std::nan("")), by_strategy(s, std::nan(""));
    double coop_total = 0, games_total = 0;
    for (std::size_t i = 0; i < s; ++i) {
      counts32[i] = static_cast<std::uint32_t>(population.counts()[i]);
      if (counts32[i] == 0) continue;
      mean_payoff[i] = payoff_sum[i] / double(counts32[i]);
      if (cooperation) by_strategy[i] = coop_sum[i] / games[i];
      coop_total += coop_sum[i];
      games_total += games[i];
    }
    return {std::vector<std::uint64_t>{g},
            std::move(counts32),
            std::move(mean_payoff),
            std::vector<double>{total / double(n)},
            std::vector<double>{cooperation ? coop_total / games_total : std::nan("")},
            std::move(by_strategy),
            std::vector<double>{std::nan("")},  // good_fraction and the group rates:
            std::vector<double>{std::nan("")},  // reputation games only
            std::vector<double>{std::nan("")}};
  }

  SeriesRecorder::State state(std::uint64_t g) const {
    std::vector<std::uint32_t> counts32(population.counts().begin(), population.counts().end());
    return {g, {std::move(counts32), population.strategy_of()}};
  }
};

struct Job {
  const Setup& setup;
  const std::vector<std::uint32_t>& initial;
  std::atomic<std::uint64_t>& events;
  EvolutionOutcome& outcome;
  const SeriesRecorder& recorder;
  Snapshots& snapshots;

  // The initial counts placed on the nodes in a random order (graph_stream part 1).
  SeriesRecorder::State initial_state(std::size_t r) const {
    std::vector<std::uint32_t> strategy_of;
    for (std::uint32_t s = 0; s < initial.size(); ++s)
      strategy_of.insert(strategy_of.end(), initial[s], s);
    Stream rng = graph_stream(setup.seed, r, 1);
    for (std::size_t i = strategy_of.size(); i > 1; --i)
      std::swap(strategy_of[i - 1], strategy_of[rng.below(i)]);
    return {0, {initial, std::move(strategy_of)}};
  }

  Replicate start(std::size_t r, const SeriesRecorder::State& from) const {
    auto graph = setup.graph_of(r);
    const auto& strategy_of = std::get<std::vector<std::uint32_t>>(from.arrays.at(individuals_at));
    GraphPopulation population(*graph, setup.game.payoffs, setup.rules, strategy_of);
    snapshots.resume(r, from.generation);
    return {setup, r, std::move(graph), std::move(population), events, snapshots};
  }
  void finished(std::size_t r, Replicate& sim, std::uint64_t) {
    outcome.final_counts[r].assign(sim.population.counts().begin(), sim.population.counts().end());
  }
  void skipped(std::size_t r, const SeriesRecorder::State& from) {
    outcome.final_counts[r] = std::get<std::vector<std::uint32_t>>(from.arrays.at(counts_at));
  }
  void write_results(record::Hdf5Writer& writer, bool interrupted) {
    if (!interrupted) write_evolution_results(writer, recorder, outcome);
  }
};

}  // namespace

std::vector<std::uint64_t> snapshot_generations(const config::Config& c) {
  const std::string text = c.text("structure.snapshots");
  if (text == "none") return {};
  const auto last = static_cast<std::uint64_t>(c.integer("dynamics.generations"));
  const auto refuse = [&](const std::string& why) {
    return ConfigError("config error: [structure] snapshots = " + text + ": " + why +
                       "; allowed: none, or increasing generations in [0, " + std::to_string(last) +
                       "] ([dynamics] generations) (" + where(c) + ")");
  };
  std::vector<std::uint64_t> at;
  for (double g : config::parse_numbers(text, "[structure] snapshots")) {
    if (g < 0 || g != std::floor(g) || g > double(last))
      throw refuse("'" + config::number_text(g) + "' is not a generation of the run");
    const auto n = static_cast<std::uint64_t>(g);
    if (!at.empty() && n <= at.back())
      throw refuse(std::to_string(n) + " after " + std::to_string(at.back()) +
                   " is not increasing");
    at.push_back(n);
  }
  if (at.empty()) throw refuse("no generation given");
  return at;
}

structure::Graph graph_from_config(const config::Config& c, std::uint64_t replicate) {
  const auto kind = config::choice(c, config::kGraph);
  const auto n = static_cast<std::size_t>(c.integer("population.size"));
  const auto k = static_cast<std::size_t>(c.integer("structure.degree"));
  Stream rng = graph_stream(c.unsigned_integer("run.seed"), replicate, 0);
  switch (kind) {
    case config::GraphKind::square_lattice: {
      auto side = static_cast<std::size_t>(std::llround(std::sqrt(double(n))));
      if (side * side > n) --side;  // the suggestion below brackets n
      if (side * side != n)
        throw ConfigError("config error: [population] size = " + c.text("population.size") +
                          " is not a square; a square_lattice of side L has L^2 nodes (e.g. " +
                          std::to_string(side * side) + " or " +
                          std::to_string((side + 1) * (side + 1)) + ") (" + where(c) + ")");
      return structure::square_lattice(side, config::choice(c, config::kNeighbourhood),
                                       c.boolean("structure.periodic"));
    }
    case config::GraphKind::ring:
      return structure::ring(n, k);
    case config::GraphKind::random_regular:
      return structure::random_regular(n, k, rng);
    case config::GraphKind::erdos_renyi:
      if (k >= n)
        throw ConfigError("config error: [structure] degree = " + c.text("structure.degree") +
                          " must be < [population] size = " + c.text("population.size") + " (" +
                          where(c) + ")");
      return structure::erdos_renyi(n, double(k) / double(n - 1), rng);
    case config::GraphKind::barabasi_albert:
      if (k % 2 != 0)
        throw ConfigError(
            "config error: [structure] degree = " + c.text("structure.degree") +
            " must be even for barabasi_albert (each new node brings degree / 2 links) (" +
            where(c) + ")");
      return structure::barabasi_albert(n, k / 2, rng);
    case config::GraphKind::watts_strogatz:
      return structure::watts_strogatz(n, k, c.real("structure.rewiring"), rng);
    case config::GraphKind::edge_list: {
      std::filesystem::path path = c.text("structure.file");
      if (path.empty())
        throw ConfigError("config error: [structure] graph = edge_list needs [structure] file (" +
                          where(c) + ")");
      if (path.is_relative() && c.source() != "command line")
        path = std::filesystem::path(c.source()).parent_path() / path;
      std::ifstream in(path);
      if (!in) throw FileError("cannot read graph file " + path.string() + " ([structure] file)");
      auto g = structure::read_edge_list(in, path.string());
      if (g.nodes() != n)
        throw ConfigError("config error: [structure] file " + path.string() + " has " +
                          std::to_string(g.nodes()) + " nodes but [population] size = " +
                          c.text("population.size") + " (" + where(c) + ")");
      return g;
    }
    case config::GraphKind::well_mixed:
      break;
  }
  throw std::logic_error("graph_from_config: well_mixed has no graph");
}

EvolutionOutcome run_graph_evolution(const config::Config& c, const PlayerResolver& resolve,
                                     const OutputOptions& output,
                                     const GenerationProgress& progress,
                                     const std::atomic<bool>* stop) try {
  Setup setup{
      c, population_game_from_config(c, resolve), {}, nullptr, c.unsigned_integer("run.seed")};
  if (setup.game.group || !setup.game.players.empty())
    throw ConfigError(
        "config error: [structure] graph = " + c.text("structure.graph") +
        " plays a pairwise payoff matrix on the edges: [payoffs] source = matrix, exact "
        "or tournament, not " +
        c.text("payoffs.source") + " (" + where(c) + ")");
  if (config::choice(c, config::kMutation) == config::MutationKind::local)
    throw ConfigError(
        "config error: [dynamics] mutation = local is not available on a graph; use uniform (" +
        where(c) + ")");
  auto& rules = setup.rules;
  rules.rule = config::choice(c, config::kGraphUpdate);
  rules.aggregation = config::choice(c, config::kPayoffAggregation);
  rules.self_interaction = c.boolean("population.self_interaction");
  rules.selection_intensity = c.real("dynamics.selection_intensity");
  rules.fitness_mapping = config::choice(c, config::kFitnessMapping);
  rules.mutation_rate = c.real("dynamics.mutation_rate");
  rules.stop = stop;
  const auto kind = config::choice(c, config::kGraph);
  // Built once here (a deterministic graph for every replicate, a random one for replicate 0 as
  // a probe), so that a bad graph or rule is refused before the file exists.
  auto probe = std::make_shared<const Graph>(graph_from_config(c, 0));
  if (!random_family(kind)) setup.fixed_graph = probe;
  const std::size_t s = setup.game.strategies.size();
  const auto initial = initial_counts(c, s);
  const GraphPopulation check(*probe, setup.game.payoffs, rules,
                              std::vector<std::uint32_t>(probe->nodes(), 0));
  const auto generations = static_cast<std::uint64_t>(c.integer("dynamics.generations"));
  const auto replicates = static_cast<std::size_t>(c.integer("dynamics.replicates"));
  const auto interval = static_cast<std::uint64_t>(c.integer("record.interval"));
  auto snapshot_at = snapshot_generations(c);  // refused before the file exists

  auto file = open_evolution_file(c, output, setup.game, replicates);
  auto& writer = file.writer;
  auto& outcome = file.outcome;
  SeriesRecorder recorder(*writer, record::graph_evolution_table(),
                          {{"S", s}, {"Z", probe->nodes()}}, replicates,
                          records_per_replicate(generations, interval));
  Snapshots snapshots(*writer, recorder, std::move(snapshot_at), probe->nodes());
  std::atomic<std::uint64_t> events{0};
  Job job{setup, initial, events, outcome, recorder, snapshots};
  if (!output.resume)
    for (std::size_t r = 0; r < replicates; ++r)
      snapshots.create(
          r, std::get<std::vector<std::uint32_t>>(job.initial_state(r).arrays.at(individuals_at)));
  outcome.interrupted = drive_replicates(
      c, *writer, recorder,
      {.replicates = replicates, .generations = generations, .stride = 1, .resume = output.resume},
      job, progress, stop);
  outcome.events = events;
  return outcome;
} catch (const ModelError& e) {
  throw config_error(e, c);
}

}  // namespace kindest::jobs
