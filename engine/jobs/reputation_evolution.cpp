#include "engine/jobs/reputation_evolution.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "engine/config/choices.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/stop.hpp"
#include "engine/core/strategy.hpp"
#include "engine/dynamics/mutation.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/jobs/population_game.hpp"
#include "engine/jobs/replicate_driver.hpp"
#include "engine/jobs/reputation_settings.hpp"
#include "engine/jobs/run_file.hpp"
#include "engine/jobs/summary.hpp"
#include "engine/population/process.hpp"
#include "engine/record/file_format.hpp"
#include "engine/reputation/group_norms.hpp"
#include "engine/reputation/groups.hpp"
#include "engine/reputation/reputation_game.hpp"

namespace kindest::jobs {
namespace {

using record::SeriesRecorder;

// Positions of the checkpoint arrays (record::reputation_evolution_table()).
enum CheckpointArray : std::size_t {
  counts_at = 0,
  individuals_at,
  payoff_at,
  views_at,
  group_of_at,   // record::reputation_group_checkpoint_specs()
  group_norm_at  // record::group_norm_checkpoint_specs(), with evolve_norms only
};

// What every replicate shares.
struct Setup {
  reputation::GameSettings game;
  std::vector<reputation::Strategy> strategies;
  dynamics::ProcessSettings process;
  std::uint64_t rounds = 1;   // per generation
  std::uint64_t updates = 0;  // update events per generation; 0 = Z (population::run_generation)
  bool reset = false;         // every generation's game starts from the initial reputations
  double payoff_scale = 1;    // per round, or per partner: 1 / (N - 1) ([reputation]
                              // payoff_per_partner)
  std::uint64_t seed = 0;
  // mutation = local: mutants land near their parent in action-rule space (process points here).
  std::optional<dynamics::LocalMutation> local_mutation;
  GroupEvolution groups;  // [groups] update_within, evolve_norms, migration_rate
  std::uint32_t group_count = 1;

  // The game one replicate plays with its individuals in groups `tags` (one per individual)
  // and its groups' norms `norm_of` (pool indices; empty without evolve_norms).
  reputation::GameSettings game_for(const std::vector<std::uint32_t>& tags,
                                    const std::vector<std::uint32_t>& norm_of) const {
    reputation::GameSettings out = game;
    if (groups.migration_rate > 0) {
      out.group_tags = tags;
      out.group_sizes.assign(group_count, 0);
      for (const std::uint32_t t : tags) ++out.group_sizes[t];
    }
    if (groups.evolve_norms) {
      out.group_norms.clear();
      for (const std::uint32_t k : norm_of) out.group_norms.push_back(groups.pool[k]);
    }
    return out;
  }
};

// mutation = local for reputation strategies: each action rule as the vector of its four
// entries (C given own reputation G/B x recipient's G/B, as 1/0), so the Gaussian kernel of
// dynamics::LocalMutation weighs how many entries a mutant changes. With a small scale a mutant
// changes one entry where it can: among ALLC, ALLD and DISC, ALLC and ALLD mutate only to DISC
// and DISC to either -- the one-step mutation of Radzvilavicius, Kessinger & Plotkin (2021),
// whose strategies are the pair (C toward G, C toward B). Norms do not enter the distance.
dynamics::LocalMutation action_rule_mutation(const std::vector<reputation::Strategy>& strategies,
                                             double scale, const config::Config& c) {
  std::vector<MemoryOneVector> rules;
  for (const auto& st : strategies) {
    if (st.threshold)
      throw ConfigError("config error: [dynamics] mutation = local needs action rules; " + st.name +
                        " is an image-score strategy (a threshold); use mutation = uniform (" +
                        c.source() + ")");
    MemoryOneVector v;
    for (const bool own : {true, false})
      for (const bool recipient : {true, false})
        v.p[2 * std::size_t{!own} + std::size_t{!recipient}] =
            st.action.cooperates(own, recipient) ? 1.0 : 0.0;
    rules.push_back(v);
  }
  return dynamics::LocalMutation(rules, scale);
}

// One replicate: its individuals, their game and the payoffs it realised.
struct Replicate {
  const Setup& setup;
  std::size_t r;
  population::Individuals individuals;
  std::vector<std::uint32_t> tags;     // each individual's group
  std::vector<std::uint32_t> norm_of;  // each group's norm (pool index; evolve_norms)
  reputation::ReputationGame game;
  std::vector<double> payoff;          // per individual, per round, of the last game
  reputation::ReputationResults last;  // the last game's sums, for the record
  std::atomic<std::uint64_t>& events;

  // Stages 0-1: play and assess, then each individual's realised payoff per round (or per
  // partner: the round's total over its N - 1 partners).
  void play() {
    last = reputation::ReputationResults(setup.strategies.size());
    last.individual_payoff.assign(individuals.size(), 0.0);
    last.individual_actions.assign(individuals.size(), 0);
    last.individual_cooperations.assign(individuals.size(), 0);
    for (std::uint64_t t = 0; t < setup.rounds; ++t) {
      // rounds_per_generation = 1e12 is in range: the stop is read between rounds, and the
      // generation is discarded part-way (core/stop.hpp); resume replays it whole.
      throw_if_stopped(setup.process.stop);
      game.play_round(&last);
    }
    const double per = static_cast<double>(setup.rounds) / setup.payoff_scale;
    payoff.resize(individuals.size());
    for (std::size_t i = 0; i < payoff.size(); ++i) payoff[i] = last.individual_payoff[i] / per;
  }

  // Mean payoff per member of each group in the last game (NaN for an empty group: none is,
  // groups keep 2 members or more).
  std::vector<double> group_payoff() const {
    std::vector<double> sum(setup.group_count, 0.0), members(setup.group_count, 0.0);
    for (std::size_t i = 0; i < payoff.size(); ++i) sum[tags[i]] += payoff[i], ++members[tags[i]];
    for (std::size_t k = 0; k < sum.size(); ++k) sum[k] /= members[k];
    return sum;
  }

  // Stages 2-4 inside each group (update_within): group k's members as a population of their
  // own, with their payoffs, for as many events as members; groups in turn on one stream.
  void update_within(Stream& rng) {
    const auto groups = reputation::Groups::from_tags(tags, setup.group_count);
    std::vector<std::uint32_t> strategy_of;
    std::vector<double> sub_payoff;
    for (std::uint32_t k = 0; k < groups.count(); ++k) {
      strategy_of.clear();
      sub_payoff.clear();
      for (std::uint32_t j = 0; j < groups.size_of(k); ++j) {
        strategy_of.push_back(individuals.strategy(groups.member(k, j)));
        sub_payoff.push_back(payoff[groups.member(k, j)]);
      }
      auto members = population::Individuals::from_strategies(strategy_of, setup.strategies.size());
      population::run_generation(members, sub_payoff, setup.process, rng);
      for (std::uint32_t j = 0; j < groups.size_of(k); ++j) {
        individuals.set_strategy(groups.member(k, j), members.strategy(j));
        payoff[groups.member(k, j)] = sub_payoff[j];
      }
    }
  }

  void step(std::uint64_t g) {
    const std::vector<double> by_group =
        setup.groups.evolve_norms ? group_payoff() : std::vector<double>{};
    Stream rng = population_stream(setup.seed, r, g);
    // Stages 2-4: fitness, update, mutate (on the previous game's payoffs), in the whole
    // population or inside each group.
    if (setup.groups.update_within)
      update_within(rng);
    else
      population::run_generation(individuals, payoff, setup.process, rng, setup.updates);
    // Then the groups: norms compete and mutate (on the same game's payoffs), individuals
    // migrate; each from its own stream, so neither shifts any other draw.
    bool regrouped = false;
    if (setup.groups.evolve_norms) {
      Stream norms = group_norm_stream(setup.seed, r, g);
      regrouped |= reputation::evolve_group_norms(norm_of, by_group, setup.groups.norms, norms);
    }
    if (setup.groups.migration_rate > 0) {
      Stream moves = migration_stream(setup.seed, r, g);
      regrouped |=
          reputation::migrate(tags, setup.group_count, setup.groups.migration_rate, 2, moves);
    }
    if (setup.reset) {
      // Nowak & Sigmund (1998): a new generation of offspring, every image score back to the
      // start; the game's streams go on at round g m.
      reputation::ReputationGame fresh(setup.game_for(tags, norm_of), setup.strategies,
                                       individuals.strategy_of(), setup.seed, r);
      auto start = fresh.state();
      start.round = g * setup.rounds;
      fresh.restore(start);
      game = std::move(fresh);
    } else if (regrouped) {
      // New norms or groups: the game rebuilt with them, its views and round carried over.
      auto now = game.state();
      now.strategy_of = individuals.strategy_of();
      reputation::ReputationGame fresh(setup.game_for(tags, norm_of), setup.strategies,
                                       now.strategy_of, setup.seed, r);
      fresh.restore(now);
      game = std::move(fresh);
    } else {
      game.set_strategies(individuals.strategy_of());
    }
    play();
    events += setup.updates ? setup.updates : individuals.size();
  }

  SeriesRecorder::Row row(std::uint64_t g) const {
    const std::size_t s = setup.strategies.size();
    const auto& counts = individuals.counts();
    std::vector<double> mean_payoff(s, std::nan("")), by_strategy(s, std::nan(""));
    double total = 0, individual_rounds = 0;
    for (std::size_t i = 0; i < s; ++i) {
      total += last.payoff[i];
      individual_rounds += static_cast<double>(last.individual_rounds[i]);
      if (counts[i] == 0) continue;
      mean_payoff[i] = last.mean_payoff(i);
      std::uint64_t actions = 0, cooperations = 0;
      for (std::size_t j = 0; j < s; ++j) {
        actions += last.actions[i * s + j];
        cooperations += last.cooperations[i * s + j];
      }
      if (actions > 0)
        by_strategy[i] = static_cast<double>(cooperations) / static_cast<double>(actions);
    }
    std::uint64_t good = 0, pairs = 0;
    for (std::size_t k = 0; k < s * s; ++k) good += last.good_views[k], pairs += last.view_pairs[k];
    // Per group: members, the fraction of their actions that were C, their mean payoff.
    const std::uint32_t m = setup.group_count;
    std::vector<std::uint32_t> size(m, 0);
    std::vector<std::uint64_t> actions(m, 0), cooperations(m, 0);
    for (std::size_t i = 0; i < tags.size(); ++i) {
      ++size[tags[i]];
      actions[tags[i]] += last.individual_actions[i];
      cooperations[tags[i]] += last.individual_cooperations[i];
    }
    std::vector<double> group_cooperation(m, std::nan(""));
    for (std::uint32_t k = 0; k < m; ++k)
      if (actions[k] > 0)
        group_cooperation[k] =
            static_cast<double>(cooperations[k]) / static_cast<double>(actions[k]);
    SeriesRecorder::Row out{
        std::vector<std::uint64_t>{g},
        counts,
        std::move(mean_payoff),
        std::vector<double>{total / individual_rounds},
        std::vector<double>{last.cooperation_rate()},
        std::move(by_strategy),
        std::vector<double>{pairs ? static_cast<double>(good) / static_cast<double>(pairs)
                                  : std::nan("")},
        std::vector<double>{last.in_group_cooperation_rate()},
        std::vector<double>{last.out_group_cooperation_rate()},
        std::move(size),
        std::move(group_cooperation),
        group_payoff()};
    if (setup.groups.evolve_norms) out.push_back(norm_of);
    return out;
  }

  SeriesRecorder::State state(std::uint64_t g) const {
    auto views = game.state().views;
    SeriesRecorder::State out{
        g, {individuals.counts(), individuals.strategy_of(), payoff, std::move(views), tags}};
    if (setup.groups.evolve_norms) out.arrays.push_back(norm_of);
    return out;
  }
};

struct Job {
  const Setup& setup;
  const std::vector<std::uint32_t>& initial;
  const std::vector<std::uint32_t>& initial_tags;  // individuals dealt to the groups
  std::size_t view_words;                          // V x W of the checkpoint's views
  std::atomic<std::uint64_t>& events;
  EvolutionOutcome& outcome;
  const SeriesRecorder& recorder;

  // Generation 0 before its game: the initial individuals dealt to their groups, the initial
  // norms; payoffs and views are not used.
  SeriesRecorder::State initial_state(std::size_t) const {
    const auto start = population::Individuals::from_counts(initial);
    SeriesRecorder::State out{0,
                              {initial, start.strategy_of(), std::vector<double>(start.size(), 0.0),
                               std::vector<std::uint32_t>(view_words, 0), initial_tags}};
    if (setup.groups.evolve_norms) out.arrays.push_back(setup.groups.initial_norm);
    return out;
  }

  Replicate start(std::size_t r, const SeriesRecorder::State& from) const {
    auto strategy_of = std::get<std::vector<std::uint32_t>>(from.arrays.at(individuals_at));
    auto individuals =
        population::Individuals::from_strategies(strategy_of, setup.strategies.size());
    auto tags = std::get<std::vector<std::uint32_t>>(from.arrays.at(group_of_at));
    auto norm_of = setup.groups.evolve_norms
                       ? std::get<std::vector<std::uint32_t>>(from.arrays.at(group_norm_at))
                       : std::vector<std::uint32_t>{};
    auto game = setup.game_for(tags, norm_of);
    Replicate sim{setup,
                  r,
                  std::move(individuals),
                  std::move(tags),
                  std::move(norm_of),
                  reputation::ReputationGame(game, setup.strategies, strategy_of, setup.seed, r),
                  {},
                  reputation::ReputationResults(setup.strategies.size()),
                  events};
    if (from.generation == 0) {
      sim.play();  // generation 0's game, from the initial reputations
      return sim;
    }
    sim.game.restore({(from.generation + 1) * setup.rounds, std::move(strategy_of),
                      std::get<std::vector<std::uint32_t>>(from.arrays.at(views_at))});
    sim.payoff = std::get<std::vector<double>>(from.arrays.at(payoff_at));
    return sim;
  }
  void finished(std::size_t r, Replicate& sim, std::uint64_t) {
    outcome.final_counts[r] = sim.individuals.counts();
  }
  void skipped(std::size_t r, const SeriesRecorder::State& from) {
    outcome.final_counts[r] = std::get<std::vector<std::uint32_t>>(from.arrays.at(counts_at));
  }
  void write_results(record::Hdf5Writer& writer, bool interrupted) {
    if (!interrupted) write_evolution_results(writer, recorder, outcome);
  }
};

}  // namespace

EvolutionOutcome run_reputation_evolution(const config::Config& c, const OutputOptions& output,
                                          const GenerationProgress& progress,
                                          const std::atomic<bool>* stop) try {
  Setup setup;
  setup.game = reputation_settings(c);
  setup.strategies = reputation_strategies(c);
  setup.process = process_settings_from_config(c);
  setup.process.stop = stop;
  if (config::choice(c, config::kMutation) == config::MutationKind::local) {
    setup.local_mutation.emplace(
        action_rule_mutation(setup.strategies, c.real("dynamics.mutation_scale"), c));
    setup.process.local_mutation = &*setup.local_mutation;
  }
  setup.rounds = static_cast<std::uint64_t>(c.integer("reputation.rounds_per_generation"));
  setup.reset = c.boolean("reputation.reset_each_generation");
  if (c.boolean("reputation.payoff_per_partner")) {
    if (setup.game.interaction != reputation::Interaction::all_pairs)
      throw ConfigError(
          "config error: [reputation] payoff_per_partner = true needs [reputation] interaction "
          "= all_pairs (only there does every individual meet each of the N - 1 others once a "
          "round); allowed with other interactions: false (" +
          c.source() + ")");
    setup.payoff_scale = 1.0 / (static_cast<double>(c.integer("population.size")) - 1);
  }
  setup.updates = static_cast<std::uint64_t>(c.integer("dynamics.updates_per_generation"));
  if (setup.updates != 0 && setup.process.kind == dynamics::ProcessKind::wright_fisher)
    throw ConfigError(
        "config error: [dynamics] updates_per_generation = " + std::to_string(setup.updates) +
        " does not apply to process = wright_fisher (one synchronous resampling "
        "per generation); allowed value 0 (" +
        c.source() + ")");
  setup.seed = c.unsigned_integer("run.seed");
  setup.groups = group_evolution(c, setup.game);
  setup.group_count = setup.game.group_sizes.empty()
                          ? 1
                          : static_cast<std::uint32_t>(setup.game.group_sizes.size());
  if (setup.groups.update_within && setup.updates != 0)
    throw ConfigError(
        "config error: [dynamics] updates_per_generation = " + std::to_string(setup.updates) +
        " does not apply with [groups] update_within = true (each group runs as "
        "many events as it has members); allowed value 0 (" +
        c.source() + ")");
  const std::size_t s = setup.strategies.size();
  const auto initial = initial_counts(c, s);
  const auto generations = static_cast<std::uint64_t>(c.integer("dynamics.generations"));
  const auto replicates = static_cast<std::size_t>(c.integer("dynamics.replicates"));
  const auto interval = static_cast<std::uint64_t>(c.integer("record.interval"));

  // A game built once here checks the settings and strategies (one clear message before the
  // file exists) and gives the shape of the views.
  const auto probe_individuals = population::Individuals::from_counts(initial);
  const reputation::ReputationGame probe(setup.game, setup.strategies,
                                         probe_individuals.strategy_of(), setup.seed, 0);
  const std::size_t z = probe.size(), rows = probe.state_rows(), width = probe.state_row_width();
  const std::vector<std::uint32_t> initial_tags = probe.groups().tags();

  PopulationGame names;
  for (const auto& st : setup.strategies) names.strategies.push_back(st.name);
  names.payoffs = games::PayoffMatrix(s, std::nan(""));  // payoffs are realised, not a matrix

  auto file = open_evolution_file(c, output, names, replicates);
  auto& writer = file.writer;
  auto& outcome = file.outcome;
  if (setup.groups.evolve_norms && !writer->exists("/groups/norm_pool"))
    writer->write(record::make_dataset("/groups", record::group_norm_pool_specs().front(),
                                       {{"Q", setup.groups.pool_names.size()}},
                                       setup.groups.pool_names));
  SeriesRecorder recorder(*writer,
                          record::grouped_reputation_evolution_table(setup.groups.evolve_norms),
                          {{"S", s}, {"Z", z}, {"V", rows}, {"W", width}, {"M", setup.group_count}},
                          replicates, records_per_replicate(generations, interval));
  std::atomic<std::uint64_t> events{0};
  Job job{setup, initial, initial_tags, rows * width, events, outcome, recorder};
  outcome.interrupted = drive_replicates(
      c, *writer, recorder,
      {.replicates = replicates, .generations = generations, .stride = 1, .resume = output.resume},
      job, progress, stop);
  outcome.events = events;
  return outcome;
} catch (const ModelError& e) {
  throw config_error(e, c);
} catch (const std::invalid_argument& e) {
  // The reputation model's own checks (engine/reputation) know no config keys.
  throw reputation_config_error(e, c);
}

}  // namespace kindest::jobs
