#include "engine/jobs/signalling_job.hpp"

#include <tbb/task_arena.h>

#include <string>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/resources.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/record/file_format.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::jobs {
namespace {

JobResult run(const JobContext& context) {
  return {signalling_summary(run_signalling_job(context.config, context.output)), false};
}

std::string where(const config::Config& c) {
  return c.source() == "command line" ? "on the command line" : "in " + c.source();
}

// The index of signaller/observer in the product list, or strategies.size().
std::size_t find_strategy(const std::vector<games::SignallingStrategy>& strategies,
                          const std::string& signaller, const std::string& observer) {
  for (std::size_t i = 0; i < strategies.size(); ++i)
    if (strategies[i].signaller.name == signaller && strategies[i].observer.name == observer)
      return i;
  return strategies.size();
}

// The pooling start's observer rule: ally with everyone iff allying blind pays.
const char* resident_observer(const games::SeparatingConditions& c) {
  return c.pooled_partner > 0 ? "Always" : "Discerning";
}

// The names of the margins, in the order of /signalling/conditions.
const std::vector<std::string>& condition_names() {
  static const std::vector<std::string> names = {"high_signals", "low_stays_silent",
                                                 "ally_after_signal", "shun_silence",
                                                 "blind_alliance_loss"};
  return names;
}

std::vector<double> condition_margins(const games::SeparatingConditions& c) {
  return {c.high_signals, c.low_stays_silent, c.ally_after_signal, c.shun_silence,
          0.0 - c.pooled_partner};  // 0 - x: no -0 printed
}

// Bounds on one run: the replicator's time to each rest point, and the re-seedings.
constexpr double kTimeLimit = 1e6;
constexpr std::size_t kMaxReseeds = 100;

// Strategies that would earn more than the population's mean at x (by more than rounding).
std::vector<std::size_t> invading_strategies(const games::PayoffMatrix& a,
                                             const std::vector<double>& x) {
  const std::size_t n = x.size();
  std::vector<double> f(n, 0.0);
  double mean = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) f[i] += a(i, j) * x[j];
    mean += x[i] * f[i];
  }
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < n; ++i)
    if (f[i] > mean + 1e-9) out.push_back(i);
  return out;
}

}  // namespace

bool SignallingOutcome::takeover_predicted() const {
  return conditions.separating() && conditions.pooled_partner <= 0;
}

double SignallingOutcome::signal_rate() const {
  const double q = settings.game.high_quality;
  double rate = 0;
  for (std::size_t i = 0; i < rest.x.size(); ++i) {
    const auto& s = settings.strategies[i].signaller;
    // Half the encounters in the signaller's role.
    rate += rest.x[i] * 0.5 * (q * (s.when_high ? 1 : 0) + (1 - q) * (s.when_low ? 1 : 0));
  }
  return rate;
}

const JobSpec& signalling_job() {
  static const JobSpec spec{
      .name = "signalling",
      .description =
          "Costly signalling by a public-good contribution (Gintis, Smith & Bowles 2001): "
          "signaller and observer rules, the exact payoff matrix, the separating equilibrium's "
          "conditions, and the replicator dynamics from the pooling population with every "
          "other strategy rare: whether honest signalling invades and takes over; and the "
          "small-mutation limit of a finite population ([population] size, [dynamics] process "
          "and selection_intensity): how much of the time honest signalling holds",
      .reads = "[signalling] [population] [dynamics] [run]",
      .writes = "/signalling",
      .progress_unit = "",
      .resumable = false,
      .run = run};
  return spec;
}

SignallingSettings signalling_settings(const config::Config& c) {
  SignallingSettings s;
  s.game.high_quality = c.real("signalling.high_quality");
  s.game.cost_high = c.real("signalling.cost_high");
  s.game.cost_low = c.real("signalling.cost_low");
  s.game.benefit = c.real("signalling.benefit");
  s.game.alliance = c.real("signalling.alliance_benefit");
  s.game.value_high = c.real("signalling.value_high");
  s.game.value_low = c.real("signalling.value_low");
  s.rare_frequency = c.real("signalling.rare_frequency");
  s.seed = c.unsigned_integer("run.seed");
  s.population_size = c.unsigned_integer("population.size");
  s.fixation = fixation_settings_from_config(c);
  if (config::choice(c, config::kMutation) == config::MutationKind::local)
    throw ConfigError(
        "config error: [dynamics] mutation = local does not apply to job signalling: its "
        "strategies are not points of a grid; allowed value uniform (" +
        where(c) + ")");
  std::vector<games::SignallerRule> signallers;
  std::vector<games::ObserverRule> observers;
  try {
    s.game.validate();
    for (const auto& t :
         config::split_specs(c.text("signalling.signallers"), "[signalling] signallers"))
      signallers.push_back(games::parse_signaller_rule(t));
    for (const auto& t :
         config::split_specs(c.text("signalling.observers"), "[signalling] observers"))
      observers.push_back(games::parse_observer_rule(t));
  } catch (const ModelError& e) {
    throw config_error(e, c);
  }
  const auto has = [](const auto& rules, const std::string& name) {
    std::size_t n = 0;
    for (const auto& r : rules) n += r.name == name ? 1 : 0;
    return n;
  };
  for (const auto& r : signallers)
    if (has(signallers, r.name) > 1)
      throw ConfigError(
          "config error: [signalling] signallers = " + c.text("signalling.signallers") + " names " +
          r.name + " twice (" + where(c) + ")");
  for (const auto& r : observers)
    if (has(observers, r.name) > 1)
      throw ConfigError("config error: [signalling] observers = " + c.text("signalling.observers") +
                        " names " + r.name + " twice (" + where(c) + ")");
  if (!has(signallers, "Never") || !has(signallers, "Honest"))
    throw ConfigError("config error: [signalling] signallers = " + c.text("signalling.signallers") +
                      " must include Never (the pooling start) and Honest (the honest "
                      "signaller) (" +
                      where(c) + ")");
  const char* start = resident_observer(games::separating_conditions(s.game));
  if (!has(observers, "Discerning") || !has(observers, start))
    throw ConfigError("config error: [signalling] observers = " + c.text("signalling.observers") +
                      " must include Discerning (the honest equilibrium's observer) and " + start +
                      " (the pooling start's observer, as q h + (1 - q) l " +
                      (std::string(start) == "Always" ? "> 0" : "<= 0") + ") (" + where(c) + ")");
  for (const auto& sr : signallers)
    for (const auto& ob : observers) s.strategies.push_back({sr, ob});
  const double others = s.rare_frequency * static_cast<double>(s.strategies.size() - 1);
  if (!(others < 1))
    throw ConfigError(
        "config error: [signalling] rare_frequency = " + c.text("signalling.rare_frequency") +
        " is too large for " + std::to_string(s.strategies.size()) +
        " strategies: the S - 1 rare ones must take less than the whole population, "
        "rare_frequency < " +
        number_text(1.0 / static_cast<double>(s.strategies.size() - 1)) + " (" + where(c) + ")");
  return s;
}

SignallingOutcome run_signalling_job(const config::Config& c, const OutputOptions& output) {
  record::check_output_path(output.path, output.overwrite);
  SignallingOutcome out;
  out.settings = signalling_settings(c);
  const auto& s = out.settings;
  const std::size_t n = s.strategies.size();
  out.payoffs = games::signalling_payoff_matrix(s.game, s.strategies);
  out.conditions = games::separating_conditions(s.game);
  out.resident = find_strategy(s.strategies, "Never", resident_observer(out.conditions));
  out.honest = find_strategy(s.strategies, "Honest", "Discerning");
  out.initial.assign(n, s.rare_frequency);
  out.initial[out.resident] = 1 - s.rare_frequency * static_cast<double>(n - 1);
  // To a rest point; then every strategy that would earn more than the mean there (it died out
  // on the way, but the rest point is not an equilibrium) comes back at rare_frequency, and on
  // to the next rest point, until none would (a saturated rest point: a Nash equilibrium).
  const dynamics::Replicator replicator(out.payoffs);
  std::vector<double> x = out.initial;
  for (;;) {
    try {
      out.rest = dynamics::find_rest_point(replicator, x, 1e-12, kTimeLimit);
    } catch (const ModelError& e) {
      throw config_error(e, c);
    }
    out.time += out.rest.time;
    const auto invaders = invading_strategies(out.payoffs, out.rest.x);
    out.saturated = out.rest.converged && invaders.empty();
    if (out.saturated || !out.rest.converged || out.reseeds == kMaxReseeds) break;
    x = out.rest.x;
    for (auto i : invaders) x[i] += s.rare_frequency;
    double total = 0;
    for (double v : x) total += v;
    for (double& v : x) v /= total;
    ++out.reseeds;
  }
  // The finite population with rare mutation: the analysis job's chain on this matrix (and its
  // memory: each pair's sum keeps one partial product per composition, on every worker thread).
  require_memory(3 * 8.0 * static_cast<double>(n * n) +
                     8.0 * static_cast<double>(s.population_size) *
                         static_cast<double>(tbb::this_task_arena::max_concurrency()),
                 "[population] size = " + c.text("population.size") + " with " + std::to_string(n) +
                     " strategies",
                 "lower [population] size");
  try {
    out.limit = analytic::compute_small_mutation_limit(out.payoffs, s.population_size, s.fixation);
  } catch (const ModelError& e) {
    throw config_error(e, c);
  }
  if (output.discard) return out;

  record::Hdf5Writer writer(
      output.path, output.overwrite,
      {.job = std::string(signalling_job().name), .seed = s.seed, .config_ini = c.to_ini()});
  const record::Dims dims{{"S", n}, {"C", condition_names().size()}};
  const auto& specs = record::signalling_specs();
  const auto put = [&](const char* name, record::Values values) {
    writer.write(record::make_dataset("/signalling", record::find_spec(specs, name), dims,
                                      std::move(values)));
  };
  std::vector<std::string> names;
  std::vector<std::uint64_t> when_high, when_low, after_signal, after_silence;
  for (const auto& st : s.strategies) {
    names.push_back(st.name());
    when_high.push_back(st.signaller.when_high ? 1 : 0);
    when_low.push_back(st.signaller.when_low ? 1 : 0);
    after_signal.push_back(st.observer.after_signal ? 1 : 0);
    after_silence.push_back(st.observer.after_silence ? 1 : 0);
  }
  put("strategies", names);
  put("signal_when_high", when_high);
  put("signal_when_low", when_low);
  put("ally_after_signal", after_signal);
  put("ally_after_silence", after_silence);
  put("payoff", out.payoffs.row_major());
  put("condition", condition_names());
  put("condition_margin", condition_margins(out.conditions));
  put("initial_frequency", out.initial);
  put("final_frequency", out.rest.x);
  std::vector<double> fixation;
  for (const auto& row : out.limit.fixation)
    fixation.insert(fixation.end(), row.begin(), row.end());
  put("fixation_probability", fixation);
  put("stationary_distribution", out.limit.stationary);
  write_summary(writer, signalling_summary(out));
  writer.mark_complete();
  return out;
}

Summary signalling_summary(const SignallingOutcome& out) {
  const auto& s = out.settings;
  std::vector<double> holds;
  const auto margins = condition_margins(out.conditions);
  for (std::size_t k = 0; k < margins.size(); ++k)
    holds.push_back(k + 1 < margins.size() ? (margins[k] > 0 ? 1 : 0) : (margins[k] >= 0 ? 1 : 0));
  SummaryTable conditions{
      .name = "conditions",
      .title =
          "Honest signalling: strict equilibrium iff the first four margins are > 0 (c_H "
          "< a < c_L, l < 0 < h); it takes over from the pooling start iff also "
          "blind_alliance_loss = -(q h + (1 - q) l) >= 0",
      .row_header = "Condition",
      .rows = condition_names(),
      .columns = {{"margin", "margin", margins, ColumnFormat::fixed4},
                  {"holds", "holds", holds, ColumnFormat::integer}}};
  std::vector<std::string> names;
  std::vector<double> self;
  for (std::size_t i = 0; i < s.strategies.size(); ++i) {
    names.push_back(s.strategies[i].name());
    self.push_back(out.payoffs(i, i));
  }
  SummaryTable strategies{
      .name = "strategies",
      .title = "Replicator dynamics from " + names[out.resident] +
               " with every other strategy at " + number_text(s.rare_frequency) +
               ", to a rest point no absent strategy can invade (t = " + number_text(out.time) +
               " in all, rare invaders re-seeded " + std::to_string(out.reseeds) + " times)",
      .row_header = "Strategy",
      .rows = names,
      .columns = {
          {"initial_frequency", "start", out.initial, ColumnFormat::scientific},
          {"final_frequency", "rest point", out.rest.x, ColumnFormat::fixed6},
          {"stationary_distribution", "long run (Z = " + std::to_string(s.population_size) + ")",
           out.limit.stationary, ColumnFormat::fixed6},
          {"self_payoff", "vs itself", self, ColumnFormat::fixed4}}};
  SummaryTable population{
      .name = "population",
      .title =
          "Outcome: honest signalling's share at the rest point against the prediction, and "
          "in the long run of a finite population with rare mutation",
      .row_header = "",
      .rows = {"all"},
      .columns = {
          {"honest_final_frequency",
           "Honest/Discerning",
           {out.rest.x[out.honest]},
           ColumnFormat::fixed6},
          {"honest_stationary",
           "long run",
           {out.limit.stationary[out.honest]},
           ColumnFormat::fixed6},
          {"takeover_predicted",
           "predicted",
           {out.takeover_predicted() ? 1.0 : 0.0},
           ColumnFormat::integer},
          {"signal_rate", "signals/encounter", {out.signal_rate()}, ColumnFormat::fixed4},
          {"saturated", "equilibrium", {out.saturated ? 1.0 : 0.0}, ColumnFormat::integer},
          {"reseeds", "re-seeded", {static_cast<double>(out.reseeds)}, ColumnFormat::integer}}};
  return {{conditions, strategies, population}};
}

}  // namespace kindest::jobs
