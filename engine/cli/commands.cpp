#include "engine/cli/commands.hpp"

#include <tbb/info.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "engine/cli/listing.hpp"
#include "engine/cli/progress_line.hpp"
#include "engine/config/load.hpp"
#include "engine/config/schema.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/suggest.hpp"
#include "engine/jobs/analysis_job.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/jobs/tournament_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "strategies/registry.hpp"

namespace po = boost::program_options;

namespace kindest::cli {
namespace {

// Options every job command shares; none of them changes results.
struct RunOptions {
  std::string output;
  bool force = false;
  bool resume = false;
  bool quiet = false;
  int threads = 0;
};

void add_run_options(po::options_description& desc, RunOptions& o) {
  // clang-format off
  desc.add_options()
      ("output,o", po::value(&o.output), "HDF5 file to write (overrides [run] output)")
      ("force", po::bool_switch(&o.force), "overwrite the output file if it exists")
      ("resume", po::bool_switch(&o.resume),
       "continue an interrupted run of a resumable job in the output file (same config; "
       "`kindest jobs` says which jobs checkpoint)")
      ("threads", po::value(&o.threads)->default_value(0),
       "worker threads; 0 = all cores (results do not depend on it)")
      ("quiet,q", po::bool_switch(&o.quiet), "no progress on stderr")
      ("help,h", "show this help");
  // clang-format on
}

[[noreturn]] void unknown_option(const std::string& token, const po::options_description& desc) {
  std::vector<std::string> names;
  for (const auto& o : desc.options()) names.push_back("--" + o->long_name());
  const std::string name = token.substr(0, token.find('='));
  throw ConfigError("unknown option '" + name + "'" + did_you_mean(name, names) + "; see --help");
}

// Parses a command's options into their bound variables. Returns false after printing the
// help when --help was given (before required options are checked).
bool parse_options(const std::vector<std::string>& args, const po::options_description& desc) {
  const auto parsed =
      po::command_line_parser(args).options(desc).style(kStyle).allow_unregistered().run();
  for (const auto& opt : parsed.options)
    if (opt.unregistered) unknown_option(opt.original_tokens.front(), desc);
  po::variables_map vm;
  po::store(parsed, vm);
  if (vm.count("help")) {
    std::cout << desc;
    return false;
  }
  po::notify(vm);
  return true;
}

std::string default_output(const std::string& config_path) {
  if (config_path.empty()) return "kindest.h5";
  return std::filesystem::path(config_path).stem().string() + ".h5";
}

int run_job(const config::Config& config, const RunOptions& o) {
  if (o.threads < 0) throw ConfigError("--threads must be >= 0, got " + std::to_string(o.threads));
  const auto& job = jobs::job_of(config);
  jobs::OutputOptions output{.path = o.output, .overwrite = o.force, .resume = o.resume};
  if (output.path.empty()) output.path = config.text("run.output");
  if (output.path.empty())
    output.path = default_output(config.source() == "command line" ? "" : config.source());
  if (!o.quiet && ::isatty(STDERR_FILENO))
    std::cerr << "kindest: " << job.name << " -> " << output.path << "\n";
  jobs::JobResult result;
  {
    StopOnSignal signals(job.resumable || job.stoppable);
    ProgressLine progress(!o.quiet && !job.progress_unit.empty(), std::string(job.progress_unit));
    result = jobs::run_job(
        job,
        {.config = config,
         .output = output,
         .resolve = [](std::string_view list) { return strategies::registry().make_players(list); },
         .progress = [&](std::uint64_t d, std::uint64_t t) { progress(d, t); },
         .stop = job.resumable || job.stoppable ? StopOnSignal::flag() : nullptr,
         .threads = static_cast<std::size_t>(o.threads),
         .notice = [](const std::string& line) { std::cerr << "kindest: " << line << "\n"; }});
  }
  if (result.interrupted && !job.resumable) {
    std::cerr << "kindest: interrupted; " << output.path
              << " holds what the job wrote before the stop and is marked incomplete. Job = "
              << job.name << " cannot be resumed: run it again with --force.\n";
    return 130;
  }
  if (result.interrupted) {
    std::cerr << "kindest: interrupted; " << output.path
              << " holds every generation up to the last checkpoint and is marked incomplete.\n"
                 "Continue it with: kindest run CONFIG --resume --output "
              << output.path << "\n";
    return 130;
  }
  std::cout << jobs::summary_text(result.summary);
  std::cout << "Results written to " << output.path << "\n";
  return 0;
}

}  // namespace

// SIGINT / SIGTERM ask a running job to stop and keep its last checkpoint; long loops poll the
// flag (engine/core/stop.hpp), so this takes well under a second even inside one long
// generation. A second signal ends the process at once, as kill -9 would (the file stays
// resumable: it never depends on a clean exit). SIGUSR1 does the same because Open MPI's mpirun
// passes SIGUSR1 on to every rank but answers SIGTERM by killing them (scripts/slurm/).
namespace {
std::atomic<bool> g_stop{false};
extern "C" void request_stop(int signal) {
  g_stop = true;
  std::signal(signal, SIG_DFL);  // async-signal-safe
}
}  // namespace

StopOnSignal::StopOnSignal(bool enabled) : enabled_(enabled) {
  if (!enabled_) return;
  g_stop = false;
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  std::signal(SIGUSR1, request_stop);
}

StopOnSignal::~StopOnSignal() {
  if (!enabled_) return;
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  std::signal(SIGUSR1, SIG_DFL);
}

const std::atomic<bool>* StopOnSignal::flag() { return &g_stop; }

Overrides split_overrides(const std::vector<std::string>& args) {
  Overrides out;
  for (const auto& a : args) {
    const auto eq = a.find('=');
    const bool override = a.rfind("--", 0) == 0 && eq != std::string::npos &&
                          a.substr(0, eq).find('.') != std::string::npos;
    (override ? out.overrides : out.rest).push_back(a);
  }
  return out;
}

int run_command(const std::vector<std::string>& args) {
  RunOptions o;
  bool print_config = false;
  std::string config_path;
  po::options_description desc("kindest run CONFIG.ini [--section.key=value ...] [options]");
  add_run_options(desc, o);
  desc.add_options()("print-config", po::bool_switch(&print_config),
                     "print the fully resolved config and exit");
  po::options_description hidden;
  hidden.add_options()("config", po::value(&config_path));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("config", 1);
  // Config overrides are taken out before Boost sees the rest (split_overrides says why).
  const auto split = split_overrides(args);
  const auto& overrides = split.overrides;
  const auto& rest = split.rest;
  po::variables_map vm;
  const auto parsed = po::command_line_parser(rest)
                          .options(all)
                          .positional(positional)
                          .style(kStyle)
                          .allow_unregistered()
                          .run();
  for (const auto& opt : parsed.options) {
    if (!opt.unregistered) continue;
    const std::string token =
        opt.original_tokens.empty() ? opt.string_key : opt.original_tokens.front();
    if (token.find('.') != std::string::npos)  // overrides with '=' were taken out above
      throw ConfigError("override '" + token + "' needs a value: write " + token + "=VALUE");
    else
      unknown_option(token, desc);
  }
  po::store(parsed, vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << desc << "\nConfig keys (docs/CONFIG.md has the full reference):\n";
    for (const auto& k : config::schema())
      std::cout << "  --" << k.key << "=  " << k.doc << " Allowed: " << config::allowed_values(k)
                << "\n";
    return 0;
  }
  if (config_path.empty())
    throw ConfigError("kindest run needs a config file; see kindest run --help");
  const auto config = config::load_config(config_path, overrides);
  // A config is valid only with a job: checked before it is printed too. The registry checks
  // it; an override wins over the file, so it is where a bad value came from.
  const bool job_overridden =
      std::any_of(overrides.begin(), overrides.end(),
                  [](const auto& token) { return token.rfind("--run.job=", 0) == 0; });
  if (job_overridden)
    jobs::find_job(config.text("run.job"), "on the command line");
  else
    jobs::job_of(config);
  if (print_config) {
    std::cout << config.to_ini();
    return 0;
  }
  return run_job(config, o);
}

int tournament_command(const std::vector<std::string>& args) {
  RunOptions o;
  std::string players;
  std::int64_t turns = 200, repetitions = 10;
  std::int64_t seed = 1;  // signed, so that -1 is reported as typed (the schema refuses it)
  double noise = 0, continuation = 0;
  bool no_self_play = false;
  po::options_description desc("kindest tournament --players A,B,... [options]");
  // clang-format off
  desc.add_options()
      ("players,p", po::value(&players)->required(), "comma-separated strategies (kindest strategies)")
      ("turns", po::value(&turns)->default_value(200), "turns per match")
      ("continuation", po::value(&continuation)->default_value(0),
       "continuation probability w in [0,1): random match length instead of --turns")
      ("repetitions", po::value(&repetitions)->default_value(10), "matches per pair")
      ("noise", po::value(&noise)->default_value(0), "execution error rate in [0,1]")
      ("seed", po::value(&seed)->default_value(1), "random seed")
      ("no-self-play", po::bool_switch(&no_self_play), "players do not meet a copy of themselves");
  // clang-format on
  add_run_options(desc, o);
  if (!parse_options(args, desc)) return 0;
  // Quick commands name their job by its spec, so a renamed job cannot leave them behind.
  const std::vector<std::string> overrides = {
      "run.job=" + std::string(jobs::tournament_job().name),
      "tournament.players=" + players,
      "match.turns=" + std::to_string(turns),
      "match.continuation_probability=" + number_text(continuation),
      "match.execution_error_rate=" + number_text(noise),
      "tournament.repetitions=" + std::to_string(repetitions),
      "tournament.self_play=" + std::string(no_self_play ? "false" : "true"),
      "run.seed=" + std::to_string(seed),
      "run.output=" + (o.output.empty() ? std::string("tournament.h5") : o.output),
  };
  return run_job(config::load_config("", overrides), o);
}

int analyze_command(const std::vector<std::string>& args) {
  RunOptions o;
  std::string matrix, labels, strategy_list, source = "exact", process = "fermi",
                                             fitness = "linear";
  std::int64_t population = 100;  // signed for the same reason as --seed
  double intensity = 1, noise = 0, continuation = 0;
  std::int64_t turns = 200;
  bool self_interaction = false;
  po::options_description desc(
      "kindest analyze (--matrix \"a,b;c,d\" | --strategies A,B,...) [options]\n"
      "Exact small-mutation limit: fixation probabilities and stationary distribution");
  // clang-format off
  desc.add_options()
      ("matrix", po::value(&matrix), "payoff matrix, rows by ';', entries by ','")
      ("labels", po::value(&labels), "names of the matrix strategies, comma-separated")
      ("strategies", po::value(&strategy_list), "library strategies instead of --matrix")
      ("source", po::value(&source)->default_value("exact"),
       "payoffs between --strategies: exact (memory-one Markov chain) or tournament")
      ("population", po::value(&population)->default_value(100), "population size Z")
      ("process", po::value(&process)->default_value("fermi"),
       "fermi (pairwise comparison), moran (birth-death) or moran_death_birth")
      ("intensity", po::value(&intensity)->default_value(1), "selection intensity beta or w")
      ("fitness", po::value(&fitness)->default_value("linear"), "Moran fitness: linear or exponential")
      ("self-interaction", po::bool_switch(&self_interaction), "payoffs include playing oneself")
      ("turns", po::value(&turns)->default_value(200), "turns per match (--strategies)")
      ("continuation", po::value(&continuation)->default_value(0),
       "continuation probability w (--strategies)")
      ("noise", po::value(&noise)->default_value(0), "execution error rate (--strategies)");
  // clang-format on
  add_run_options(desc, o);
  if (!parse_options(args, desc)) return 0;
  if (matrix.empty() == strategy_list.empty())
    throw ConfigError("kindest analyze needs exactly one of --matrix and --strategies");
  const std::string kind = process == "fermi"   ? "pairwise_comparison"
                           : process == "moran" ? "moran_birth_death"
                                                : process;
  const auto text = [](double x) { return number_text(x); };
  std::vector<std::string> overrides = {
      "run.job=" + std::string(jobs::analysis_job().name),
      "population.size=" + std::to_string(population),
      "population.self_interaction=" + std::string(self_interaction ? "true" : "false"),
      "dynamics.process=" + kind,
      "dynamics.selection_intensity=" + text(intensity),
      "dynamics.fitness_mapping=" + fitness,
      "match.turns=" + std::to_string(turns),
      "match.continuation_probability=" + text(continuation),
      "match.execution_error_rate=" + text(noise),
      "run.output=" + (o.output.empty() ? std::string("analysis.h5") : o.output),
  };
  if (!matrix.empty()) {
    overrides.push_back("payoffs.source=matrix");
    overrides.push_back("payoffs.matrix=" + matrix);
    overrides.push_back("payoffs.labels=" + labels);
  } else {
    overrides.push_back("payoffs.source=" + source);
    overrides.push_back("population.strategies=" + strategy_list);
  }
  return run_job(config::load_config("", overrides), o);
}

int strategies_command(const std::vector<std::string>& args) {
  std::cout << strategies_listing(args);
  return 0;
}

int norms_command(const std::vector<std::string>& args) {
  if (!args.empty()) throw ConfigError("kindest norms takes no arguments");
  std::cout << norms_table();
  return 0;
}

int info_command(const std::vector<std::string>& args) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    std::cout << "kindest info FILE.h5\n  Show what a result file holds: root attributes, every "
                 "dataset with shape, dtype and\n  meaning (docs/FORMAT.md), the job's summary "
                 "table and the resolved config.\n";
    return 0;
  }
  if (args.size() != 1) throw ConfigError("usage: kindest info FILE.h5");
  const auto summary = record::describe_file(args[0]);
  std::cout << args[0] << "\n";
  for (const auto& [name, value] : summary.attributes) {
    if (name == "config") continue;
    std::cout << "  @" << name << " = " << value << "\n";
  }
  if (summary.attributes.count("complete") && summary.attributes.at("complete") != "1")
    std::cout << "  WARNING: the run that wrote this file did not finish (complete = 0)\n";
  for (const auto& d : summary.datasets) {
    std::string shape = "(";
    for (std::size_t i = 0; i < d.shape.size(); ++i)
      shape += (i ? ", " : "") + std::to_string(d.shape[i]);
    shape += d.shape.size() == 1 ? ",)" : ")";
    std::cout << "  " << std::left << std::setw(46) << d.path << std::setw(12) << shape
              << std::setw(9) << d.dtype << d.description << "\n";
  }
  const auto outcome = jobs::read_summary(args[0]);
  if (!outcome.tables.empty())
    std::cout << "\nSummary (/summary):\n" << jobs::summary_text(outcome);
  if (summary.attributes.count("config"))
    std::cout << "\nResolved config:\n" << summary.attributes.at("config");
  return 0;
}

int jobs_command(const std::vector<std::string>& args) {
  const bool markdown = !args.empty() && args[0] == "--markdown";
  if (!args.empty() && !markdown) throw ConfigError("kindest jobs takes only --markdown");
  if (markdown) {
    std::cout << jobs::jobs_markdown();
    return 0;
  }
  std::cout << jobs_listing();
  return 0;
}

std::string jobs_listing() {
  std::size_t width = 0;
  for (const auto* j : jobs::job_registry()) width = std::max(width, j->name.size());
  std::string out;
  for (const auto* j : jobs::job_registry()) {
    out += "  " + std::string(j->name) + std::string(width - j->name.size() + 2, ' ') +
           std::string(j->description) + (j->resumable ? " [resumable]" : "") + "\n";
    out += "  " + std::string(width + 2, ' ') + "reads " + std::string(j->reads) + "; writes " +
           std::string(j->writes) + "\n";
  }
  return out;
}

int config_reference_command(const std::vector<std::string>& args) {
  if (!args.empty()) throw ConfigError("kindest config-reference takes no arguments");
  std::cout << config::schema_markdown();
  return 0;
}

}  // namespace kindest::cli
