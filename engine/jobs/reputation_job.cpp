#include "engine/jobs/reputation_job.hpp"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/resources.hpp"
#include "engine/core/stop.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/reputation_settings.hpp"
#include "engine/record/file_format.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::jobs {
namespace {

JobResult run(const JobContext& context) {
  const auto out =
      run_reputation_job(context.config, context.output, context.progress, context.stop);
  if (out.interrupted) return {{}, true};
  return {reputation_summary(out), false};
}

// The norm a strategy judges with, as written in /reputation/norm: the 8 verdicts G/B by entry
// 4d + 2r + a of a deterministic norm, the probabilities of G of a stochastic one, "score" for
// image scores (the strategy's name then gives its threshold).
std::string norm_text(const reputation::Strategy& s, const reputation::GameSettings& g, bool scores,
                      bool out_group) {
  if (scores) return "score";
  const reputation::Norm& norm = !out_group         ? (s.norm ? *s.norm : *g.norm)
                                 : s.out_norm       ? *s.out_norm
                                 : g.out_group_norm ? *g.out_group_norm
                                                    : *g.norm;
  if (norm.deterministic()) return reputation::norm_table(norm);
  std::string out = "stochastic:";
  for (unsigned e = 0; e < 8; ++e) out += (e ? "," : "") + number_text(norm.probability_good(e));
  return out;
}

// Mean and standard error (NaN for one value) of x over the replicates.
std::pair<double, double> mean_se(const std::vector<double>& x) {
  const double n = static_cast<double>(x.size());
  double sum = 0;
  for (double v : x) sum += v;
  const double mean = sum / n;
  if (x.size() < 2) return {mean, std::nan("")};
  double ss = 0;
  for (double v : x) ss += (v - mean) * (v - mean);
  return {mean, std::sqrt(ss / (n - 1) / n)};
}

}  // namespace

const JobSpec& reputation_job() {
  static const JobSpec spec{
      .name = "reputation",
      .description =
          "Indirect reciprocity: a fixed population plays the reputation game (norms, public "
          "or private assessment), `[reputation] replicates` in parallel",
      .reads = "[reputation] [groups] [population] [game] [run]",
      .writes = "/reputation",
      .progress_unit = "rounds",
      .resumable = false,
      .stoppable = true,
      .run = run};
  return spec;
}

Summary reputation_summary(const ReputationOutcome& out) {
  const std::size_t s = out.strategies.size(), r = out.replicates.size();
  const auto over = [&](auto&& value) {
    std::vector<double> x;
    for (const auto& m : out.replicates) x.push_back(value(m));
    return mean_se(x);
  };
  const std::string of = " (mean over " + std::to_string(r) + " replicate" + (r == 1 ? "" : "s") +
                         (r > 1 ? ", s.e." : "") + ")";
  const auto [rate, rate_se] = over([](const auto& m) { return m.cooperation_rate(); });
  const double in_rate = over([](const auto& m) { return m.in_group_cooperation_rate(); }).first;
  const double out_rate = over([](const auto& m) { return m.out_group_cooperation_rate(); }).first;
  SummaryTable population{
      .name = "population",
      .title = "Cooperation: fraction of donor actions that were C" + of,
      .row_header = "",
      .rows = {"all"},
      .columns = {{"cooperation_rate", "cooperation", {rate}, ColumnFormat::fixed4},
                  {"cooperation_rate_se", "s.e.", {rate_se}, ColumnFormat::scientific},
                  {"in_group_cooperation", "in-group", {in_rate}, ColumnFormat::fixed4},
                  {"out_group_cooperation", "out-group", {out_rate}, ColumnFormat::fixed4}}};
  SummaryTable strategies{.name = "strategies",
                          .title =
                              "Strategies: payoff per individual and round, cooperation "
                              "with its own kind, how good the others hold it" +
                              of,
                          .row_header = "Strategy",
                          .rows = out.strategies};
  SummaryColumn count{"count", "count", {}, ColumnFormat::integer},
      payoff{"payoff", "payoff", {}, ColumnFormat::fixed4},
      payoff_se{"payoff_se", "s.e.", {}, ColumnFormat::scientific},
      self{"self_cooperation", "self-coop.", {}, ColumnFormat::fixed4},
      good{"good_fraction", "held good", {}, ColumnFormat::fixed4};
  SummaryTable cooperation{.name = "cooperation_by_strategy",
                           .title =
                               "Cooperation of the row (donor) strategy toward the column "
                               "(recipient) strategy",
                           .row_header = "Donor",
                           .rows = out.strategies},
      views{.name = "good_fraction",
            .title =
                "Fraction of individuals of the column strategy the row (observer) "
                "strategy holds good",
            .row_header = "Observer",
            .rows = out.strategies};
  for (std::size_t i = 0; i < s; ++i) {
    count.values.push_back(out.counts[i]);
    const auto [p, p_se] = over([i](const auto& m) { return m.mean_payoff(i); });
    payoff.values.push_back(p);
    payoff_se.values.push_back(p_se);
    self.values.push_back(over([i](const auto& m) { return m.cooperation_rate(i, i); }).first);
    // Held good by everyone: good views of i over all observers' view pairs of i.
    good.values.push_back(over([i, s](const auto& m) {
                            std::uint64_t g = 0, n = 0;
                            for (std::size_t o = 0; o < s; ++o) {
                              g += m.good_views[o * s + i];
                              n += m.view_pairs[o * s + i];
                            }
                            return n ? static_cast<double>(g) / static_cast<double>(n)
                                     : std::nan("");
                          }).first);
  }
  strategies.columns = {count, payoff, payoff_se, self, good};
  for (std::size_t j = 0; j < s; ++j) {
    SummaryColumn c{out.strategies[j], out.strategies[j].substr(0, 11), {}, ColumnFormat::fixed4},
        v = c;
    for (std::size_t i = 0; i < s; ++i) {
      c.values.push_back(over([i, j](const auto& m) { return m.cooperation_rate(i, j); }).first);
      v.values.push_back(over([i, j](const auto& m) { return m.good_fraction(i, j); }).first);
    }
    cooperation.columns.push_back(c);
    views.columns.push_back(v);
  }
  return {{population, strategies, cooperation, views}};
}

ReputationOutcome run_reputation_job(const config::Config& c, const OutputOptions& output,
                                     const GenerationProgress& progress,
                                     const std::atomic<bool>* stop) {
  record::check_output_path(output.path, output.overwrite);
  const auto settings = reputation_settings(c);
  const auto strategies = reputation_strategies(c);
  const auto rounds = reputation_rounds(c);
  const std::size_t s = strategies.size();
  const auto replicates = static_cast<std::size_t>(c.unsigned_integer("reputation.replicates"));
  const std::uint64_t seed = c.unsigned_integer("run.seed");

  ReputationOutcome out;
  out.counts = initial_counts(c, s);
  std::vector<std::uint32_t> strategy_of;
  for (std::size_t i = 0; i < s; ++i) {
    out.strategies.push_back(strategies[i].name);
    strategy_of.insert(strategy_of.end(), out.counts[i], static_cast<std::uint32_t>(i));
  }
  // Private views: N rows of ceil(N / 64) words per game, one game per worker at a time.
  const double n = static_cast<double>(strategy_of.size());
  const double games = static_cast<double>(
      std::min<std::size_t>(replicates, tbb::this_task_arena::max_concurrency()));
  if (settings.assessment == reputation::Assessment::private_views)
    require_memory(games * n * std::ceil(n / 64) * 8,
                   "[population] size = " + c.text("population.size") +
                       " under private assessment (" + std::to_string(replicates) + " replicates)",
                   "lower [population] size, run fewer threads, or use [reputation] assessment "
                   "= public (N bits instead of N^2)");

  // Each replicate's sums (4 S^2 + 2 S counters) are kept, then copied into the file's arrays:
  // 1e6 replicates of 100 strategies would need 640 GB.
  const double sums = 4.0 * static_cast<double>(s * s) + 2.0 * static_cast<double>(s);
  require_memory(static_cast<double>(replicates) * (2 * 8 * sums + 256),
                 "[reputation] replicates = " + c.text("reputation.replicates") + " of " +
                     std::to_string(s) + " strategies (their sums per replicate)",
                 "lower [reputation] replicates or run fewer strategies at a time");

  // Built once in the calling thread, so that a bad setting the checks above missed is one
  // ConfigError here and not an exception from a worker.
  try {
    reputation::ReputationGame(settings, strategies, strategy_of, seed, 0);
  } catch (const std::invalid_argument& e) {
    throw reputation_config_error(e, c);
  }

  out.replicates.assign(replicates, reputation::ReputationResults(s));
  const std::uint64_t per = rounds.burn_in + rounds.window, total = per * replicates;
  std::atomic<std::uint64_t> done{0};
  std::atomic<bool> stopped{false};
  tbb::parallel_for(std::size_t{0}, replicates, [&](std::size_t k) {
    if (stopped.load(std::memory_order_relaxed)) return;
    reputation::ReputationGame game(settings, strategies, strategy_of, seed, k);
    reputation::ReputationResults m(s);
    // The shared counter is touched every 16 rounds: a round of a small game takes about as
    // long as a contended atomic.
    std::uint64_t pending = 0;
    for (std::uint64_t t = 0; t < per; ++t) {
      // A window of 1e15 rounds is in range; Ctrl-C ends it within a round.
      if (stop_requested(stop)) {
        stopped = true;
        return;
      }
      game.play_round(t < rounds.burn_in ? nullptr : &m);
      if (++pending == 16 || t + 1 == per) {
        const auto d = done.fetch_add(pending, std::memory_order_relaxed) + pending;
        pending = 0;
        if (progress) progress(d, total);
      }
    }
    out.replicates[k] = std::move(m);
  });
  out.interrupted = stopped;
  if (output.discard) return out;

  record::Hdf5Writer writer(
      output.path, output.overwrite,
      {.job = std::string(reputation_job().name), .seed = seed, .config_ini = c.to_ini()});
  if (out.interrupted) {  // the config only, marked incomplete: a rerun gives the same bits
    writer.flush();
    return out;
  }
  const record::Dims dims{{"R", replicates}, {"S", s}};
  const auto& specs = record::reputation_specs();
  const auto put = [&](const char* name, record::Values values) {
    writer.write(record::make_dataset("/reputation", record::find_spec(specs, name), dims,
                                      std::move(values)));
  };
  std::vector<std::string> norms, out_norms;
  const bool scores =
      std::any_of(strategies.begin(), strategies.end(), [](const auto& x) { return x.threshold; });
  for (const auto& x : strategies) {
    norms.push_back(norm_text(x, settings, scores, false));
    out_norms.push_back(norm_text(x, settings, scores, true));
  }
  std::vector<double> rate, by_strategy, good, payoff, in_group, out_group;
  for (const auto& m : out.replicates) {
    rate.push_back(m.cooperation_rate());
    in_group.push_back(m.in_group_cooperation_rate());
    out_group.push_back(m.out_group_cooperation_rate());
    for (std::size_t i = 0; i < s; ++i) {
      payoff.push_back(m.mean_payoff(i));
      for (std::size_t j = 0; j < s; ++j) {
        by_strategy.push_back(m.cooperation_rate(i, j));
        good.push_back(m.good_fraction(i, j));
      }
    }
  }
  put("strategies", out.strategies);
  put("counts", out.counts);
  put("norm", norms);
  put("cooperation_rate", rate);
  put("cooperation_by_strategy", by_strategy);
  put("good_fraction", good);
  put("payoff", payoff);
  put("in_group_cooperation", in_group);
  put("out_group_cooperation", out_group);
  put("out_group_norm", out_norms);
  const auto summary = reputation_summary(out);
  write_summary(writer, summary);
  writer.mark_complete();
  return out;
}

}  // namespace kindest::jobs
