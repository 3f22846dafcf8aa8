#include "engine/jobs/upstream_job.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/config/choices.hpp"
#include "engine/config/lists.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/jobs/from_config.hpp"
#include "engine/record/file_format.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::jobs {
namespace {

JobResult run(const JobContext& context) {
  return {upstream_summary(run_upstream_job(context.config, context.output, context.progress)),
          false};
}

std::string where(const config::Config& c) {
  return c.source() == "command line" ? "on the command line" : "in " + c.source();
}

// Chains are simulated in blocks, each block's tally its own, summed in block order: the
// totals are sums of integers (exact in double below 2^53), so any order gives the same bits,
// and the block order makes that plain.
constexpr std::uint64_t kChainsPerBlock = 4096;

games::ChainTally simulate_population(const UpstreamSettings& s, std::size_t rule) {
  const games::ChainGame game{.benefit = s.game.benefit,
                              .cost = s.game.cost,
                              .continuation = s.game.continuation,
                              .rules = {s.game.rules[rule]}};
  const std::vector<std::uint32_t> rule_of(s.population_size, 0);
  const std::uint64_t blocks = (s.chains + kChainsPerBlock - 1) / kChainsPerBlock;
  std::vector<games::ChainTally> tallies(blocks, games::ChainTally(1));
  tbb::parallel_for(std::uint64_t{0}, blocks, [&](std::uint64_t b) {
    const std::uint64_t end = std::min(s.chains, (b + 1) * kChainsPerBlock);
    for (std::uint64_t i = b * kChainsPerBlock; i < end; ++i) {
      Stream rng = upstream_stream(s.seed, rule, i);
      games::simulate_chain(game, rule_of, rng, tallies[b]);
    }
  });
  games::ChainTally total(1);
  for (const auto& t : tallies) {
    total.given[0] += t.given[0];
    total.received[0] += t.received[0];
    total.chains += t.chains;
    total.acts += t.acts;
    total.acts_squared += t.acts_squared;
  }
  return total;
}

}  // namespace

double UpstreamOutcome::cooperation() const {
  double c = 0;
  for (std::size_t i = 0; i < acts_per_chain.size(); ++i)
    c += limit.stationary[i] * acts_per_chain[i];
  return c;
}

const JobSpec& upstream_job() {
  static const JobSpec spec{
      .name = "upstream",
      .description =
          "Upstream (\"pay it forward\") and direct reciprocity in chains of help (Nowak & Roch "
          "2007): closed-form payoffs of every composition, the small-mutation limit among the "
          "rules and the acts of help each sustains, checked by simulated chains",
      .reads = "[upstream] [game] [population] [dynamics] [run]",
      .writes = "/upstream",
      .progress_unit = "populations simulated",
      .resumable = false,
      .run = run};
  return spec;
}

UpstreamSettings upstream_settings(const config::Config& c) {
  if (config::choice(c, config::kGameType) != config::GameType::donation_game)
    throw ConfigError("config error: [game] type = " + c.text("game.type") +
                      " does not apply to job upstream: each act of help gives [game] benefit "
                      "and costs [game] cost; set type = donation_game (" +
                      where(c) + ")");
  UpstreamSettings s;
  s.game.benefit = c.real("game.benefit");
  s.game.cost = c.real("game.cost");
  s.game.continuation = c.real("upstream.continuation");
  s.population_size = c.unsigned_integer("population.size");
  s.chains = c.unsigned_integer("upstream.chains");
  s.seed = c.unsigned_integer("run.seed");
  s.fixation = fixation_settings_from_config(c);
  if (s.fixation.self_interaction)
    throw ConfigError(
        "config error: [population] self_interaction = true does not apply to job upstream: "
        "help passes between distinct individuals (" +
        where(c) + ")");
  try {
    for (const auto& text :
         config::split_specs(c.text("upstream.strategies"), "[upstream] strategies"))
      s.game.rules.push_back(games::parse_help_rule(text));
    if (s.game.rules.size() < 2)
      throw ConfigError("config error: [upstream] strategies = " + c.text("upstream.strategies") +
                        " must name at least two rules for the small-mutation limit (" + where(c) +
                        ")");
    // The model's own checks (N >= 3, w < 1), as errors that name the key.
    std::vector<std::uint64_t> one_rule(s.game.rules.size(), 0);
    one_rule[0] = s.population_size;
    games::expected_chain_payoffs(s.game, one_rule);
  } catch (const ModelError& e) {
    throw config_error(e, c);
  }
  return s;
}

UpstreamOutcome run_upstream_job(const config::Config& c, const OutputOptions& output,
                                 const GenerationProgress& progress) {
  record::check_output_path(output.path, output.overwrite);
  UpstreamOutcome out;
  out.settings = upstream_settings(c);
  const auto& s = out.settings;
  const std::size_t rules = s.game.rules.size();
  const std::uint64_t z = s.population_size;

  // Each pair's compositions involve two rules only: their own 2-rule game (4 states).
  out.payoffs = analytic::CompositionPayoffs(rules, z);
  for (std::size_t r = 0; r < rules; ++r)
    for (std::size_t m = 0; m < rules; ++m) {
      if (r == m) continue;
      const games::ChainGame pair{.benefit = s.game.benefit,
                                  .cost = s.game.cost,
                                  .continuation = s.game.continuation,
                                  .rules = {s.game.rules[r], s.game.rules[m]}};
      for (std::uint64_t k = 1; k < z; ++k) {
        const auto p = games::expected_chain_payoffs(pair, {z - k, k});
        out.payoffs.resident[out.payoffs.index(r, m, k)] = p.payoff[0];
        out.payoffs.mutant[out.payoffs.index(r, m, k)] = p.payoff[1];
      }
    }
  try {
    out.limit = analytic::compute_small_mutation_limit(out.payoffs, s.fixation);
  } catch (const ModelError& e) {
    throw config_error(e, c);
  }

  const double nan = std::numeric_limits<double>::quiet_NaN();
  out.simulated_acts.assign(rules, nan);
  out.simulated_acts_se.assign(rules, nan);
  for (std::size_t i = 0; i < rules; ++i) {
    const games::ChainGame alone{.benefit = s.game.benefit,
                                 .cost = s.game.cost,
                                 .continuation = s.game.continuation,
                                 .rules = {s.game.rules[i]}};
    out.acts_per_chain.push_back(games::expected_chain_payoffs(alone, {z}).acts_per_chain);
    if (s.chains == 0) continue;
    const auto tally = simulate_population(s, i);
    const double k = static_cast<double>(tally.chains);
    const double mean = static_cast<double>(tally.acts) / k;
    out.simulated_acts[i] = mean;
    if (tally.chains > 1)
      out.simulated_acts_se[i] =
          std::sqrt(std::max(0.0, tally.acts_squared / k - mean * mean) / (k - 1));
    if (progress) progress(i + 1, rules);
  }
  if (output.discard) return out;

  record::Hdf5Writer writer(
      output.path, output.overwrite,
      {.job = std::string(upstream_job().name), .seed = s.seed, .config_ini = c.to_ini()});
  const record::Dims dims{{"S", rules}, {"M", z - 1}};
  const auto& specs = record::upstream_specs();
  const auto put = [&](const char* name, record::Values values) {
    writer.write(
        record::make_dataset("/upstream", record::find_spec(specs, name), dims, std::move(values)));
  };
  std::vector<std::string> names;
  std::vector<double> direct, upstream, fixation;
  for (const auto& r : s.game.rules) {
    names.push_back(r.name);
    direct.push_back(r.direct);
    upstream.push_back(r.upstream);
  }
  for (const auto& row : out.limit.fixation)
    fixation.insert(fixation.end(), row.begin(), row.end());
  put("strategies", names);
  put("direct", direct);
  put("upstream", upstream);
  put("acts_per_chain", out.acts_per_chain);
  put("simulated_acts_per_chain", out.simulated_acts);
  put("simulated_standard_error", out.simulated_acts_se);
  put("payoff_mutant", out.payoffs.mutant);
  put("payoff_resident", out.payoffs.resident);
  put("fixation_probability", fixation);
  put("stationary_distribution", out.limit.stationary);
  write_summary(writer, upstream_summary(out));
  writer.mark_complete();
  return out;
}

Summary upstream_summary(const UpstreamOutcome& out) {
  const auto& s = out.settings;
  std::vector<std::string> names;
  std::vector<double> direct, upstream, self_payoff;
  for (std::size_t i = 0; i < s.game.rules.size(); ++i) {
    names.push_back(s.game.rules[i].name);
    direct.push_back(s.game.rules[i].direct);
    upstream.push_back(s.game.rules[i].upstream);
    self_payoff.push_back((s.game.benefit - s.game.cost) * out.acts_per_chain[i]);
  }
  SummaryTable rules{
      .name = "strategies",
      .title = "Small-mutation limit among the rules (N = " + std::to_string(s.population_size) +
               "); acts of help per chain in each rule's own population",
      .row_header = "Rule",
      .rows = names,
      .columns = {
          {"direct", "d", direct, ColumnFormat::fixed4},
          {"upstream", "u", upstream, ColumnFormat::fixed4},
          {"stationary_probability", "time share", out.limit.stationary, ColumnFormat::fixed6},
          {"acts_per_chain", "acts/chain", out.acts_per_chain, ColumnFormat::fixed4},
          {"simulated_acts_per_chain", "simulated", out.simulated_acts, ColumnFormat::fixed4},
          {"simulated_standard_error", "s.e.", out.simulated_acts_se, ColumnFormat::fixed4},
          {"self_payoff", "payoff", self_payoff, ColumnFormat::fixed4}}};
  Summary summary{{rules}};
  summary.tables.push_back(
      {.name = "population",
       .title = "Acts of help per individual per round in the long run",
       .row_header = "",
       .rows = {"all"},
       .columns = {{"acts_per_chain", "acts/chain", {out.cooperation()}, ColumnFormat::fixed4}}});
  if (names.size() <= 12) {
    SummaryTable fixation{
        .name = "fixation_probability",
        .title =
            "Fixation probability of one column mutant in a population of the row rule (1/N "
            "= " +
            number_text(1.0 / static_cast<double>(s.population_size)) + ")",
        .row_header = "",
        .rows = names,
        .columns = {},
        .stored = false};
    for (std::size_t j = 0; j < names.size(); ++j) {
      SummaryColumn col{names[j], names[j].substr(0, 11), {}, ColumnFormat::scientific};
      for (std::size_t i = 0; i < names.size(); ++i) col.values.push_back(out.limit.fixation[i][j]);
      fixation.columns.push_back(col);
    }
    summary.tables.push_back(fixation);
  }
  return summary;
}

}  // namespace kindest::jobs
