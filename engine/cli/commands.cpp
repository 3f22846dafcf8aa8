#include "engine/cli/commands.hpp"

#include <tbb/global_control.h>
#include <tbb/info.h>
#include <unistd.h>

#include <atomic>
#include <boost/program_options.hpp>
#include <chrono>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>

#include "engine/cli/listing.hpp"
#include "engine/config/load.hpp"
#include "engine/config/schema.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/suggest.hpp"
#include "engine/jobs/analysis_job.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/jobs/invasion_job.hpp"
#include "engine/jobs/replicator_job.hpp"
#include "engine/jobs/tournament_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "strategies/registry.hpp"

namespace po = boost::program_options;

namespace kindest::cli {
namespace {

// Boost's default accepts unambiguous prefixes (--rep for --repetitions); a typo should be an
// error with a suggestion instead.
constexpr int kStyle =
    po::command_line_style::default_style & ~po::command_line_style::allow_guessing;

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
       "continue an interrupted evolution or invasion run in the output file (same config)")
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

// Progress on stderr, at most five updates a second, only when stderr is a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled && ::isatty(STDERR_FILENO)) {}
  ~ProgressLine() {
    if (shown_) std::cerr << "\n";
  }
  ProgressLine(bool enabled, std::string unit) : ProgressLine(enabled) { unit_ = std::move(unit); }
  void operator()(std::uint64_t done, std::uint64_t total) {
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (done != total && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::cerr << "\r  " << done << "/" << total << " " << unit_ << " (" << 100 * done / total
              << "%), " << std::fixed << std::setprecision(1) << seconds << " s" << std::flush;
    shown_ = true;
  }

 private:
  bool enabled_;
  std::string unit_ = "pairs";
  bool shown_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

std::string default_output(const std::string& config_path) {
  if (config_path.empty()) return "kindest.h5";
  return std::filesystem::path(config_path).stem().string() + ".h5";
}

void print_ranking(const tournament::TournamentResult& r, const config::Config& c) {
  const std::size_t n = r.size();
  std::size_t width = 6;
  for (const auto& p : r.players) width = std::max(width, p.size());
  const bool self = c.boolean("tournament.self_play");
  std::cout << "Rank  " << std::left << std::setw(static_cast<int>(width)) << "Player" << std::right
            << "  score/turn" << (self ? "  with self" : "") << "  cooperation    wins\n";
  for (std::size_t rank = 0; rank < n; ++rank) {
    const std::size_t i = r.ranking[rank];
    double coop = 0;
    std::uint64_t wins = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      coop += r.cooperation_rate[i * n + j];
      wins += r.wins[i * n + j];
    }
    std::cout << std::setw(4) << rank + 1 << "  " << std::left << std::setw(static_cast<int>(width))
              << r.players[i] << std::right << std::fixed << std::setprecision(4) << std::setw(12)
              << r.mean_score_per_turn[i];
    if (self) std::cout << std::setw(12) << r.mean_score_per_turn_with_self[i];
    std::cout << std::setw(13) << (n > 1 ? coop / static_cast<double>(n - 1) : 0.0) << std::setw(8)
              << wins << "\n";
  }
}

// SIGINT / SIGTERM ask a running job to stop at the next generation boundary and checkpoint.
std::atomic<bool> g_stop{false};
extern "C" void request_stop(int) { g_stop = true; }

void print_evolution(const jobs::EvolutionOutcome& r) {
  std::size_t width = 8;
  for (const auto& s : r.strategies) width = std::max(width, s.size());
  std::cout << "Final frequencies (mean over " << r.final_counts.size() << " replicate"
            << (r.final_counts.size() == 1 ? "" : "s") << "):\n";
  for (std::size_t i = 0; i < r.strategies.size(); ++i) {
    double sum = 0, total = 0;
    for (const auto& counts : r.final_counts) {
      sum += counts[i];
      for (auto c : counts) total += c;
    }
    std::cout << "  " << std::left << std::setw(static_cast<int>(width)) << r.strategies[i]
              << std::right << std::fixed << std::setprecision(4) << std::setw(9)
              << (total > 0 ? sum / total : 0.0) << "\n";
  }
}

void print_analysis(const jobs::AnalysisOutcome& r) {
  const auto& names = r.game.strategies;
  std::size_t width = 8;
  for (const auto& s : names) width = std::max(width, s.size());
  std::cout << "Small-mutation limit: stationary distribution over monomorphic states\n";
  for (std::size_t i = 0; i < names.size(); ++i)
    std::cout << "  " << std::left << std::setw(static_cast<int>(width)) << names[i] << std::right
              << std::fixed << std::setprecision(6) << std::setw(10) << r.limit.stationary[i]
              << "\n";
  if (names.size() > 12) return;
  std::cout << "Fixation probability of one column mutant in a population of the row strategy:\n"
            << std::string(width + 2, ' ');
  for (const auto& n : names) std::cout << std::setw(12) << n.substr(0, 11);
  std::cout << "\n";
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::cout << "  " << std::left << std::setw(static_cast<int>(width)) << names[i] << std::right;
    for (std::size_t j = 0; j < names.size(); ++j)
      std::cout << std::setw(12) << std::scientific << std::setprecision(3)
                << r.limit.fixation[i][j];
    std::cout << std::fixed << "\n";
  }
}

void print_invasion(const jobs::InvasionOutcome& r) {
  std::map<int, std::size_t> corners;
  for (int k : r.final_corner) ++corners[k];
  const std::size_t n = r.final_corner.size();
  std::cout << "Nearest corner of the final mean rule (p_CC, p_CD, p_DC, p_DD), over " << n
            << " replicate" << (n == 1 ? "" : "s") << ":\n";
  for (const auto& [k, count] : corners) {
    std::string label = k < 0 ? "unfinished" : dynamics::corner_name(k);
    if (k >= 0 && label[0] != '(')
      label += std::string(" = (") + (k & 8 ? "1" : "0") + "," + (k & 4 ? "1" : "0") + "," +
               (k & 2 ? "1" : "0") + "," + (k & 1 ? "1" : "0") + ")";
    std::cout << "  " << std::left << std::setw(20) << label << std::right << std::setw(6) << count
              << std::fixed << std::setprecision(3) << std::setw(8)
              << static_cast<double>(count) / static_cast<double>(n) << "\n";
  }
  if (n == 1) {
    const auto& m = r.final_mean_rule[0];
    std::cout << "Final mean rule: (" << std::setprecision(4) << m[0] << ", " << m[1] << ", "
              << m[2] << ", " << m[3] << ")\n";
  }
}

void print_replicator(const jobs::ReplicatorOutcome& r) {
  std::size_t width = 8;
  for (const auto& s : r.game.strategies) width = std::max(width, s.size());
  std::cout << "Frequencies at t = " << r.time.back() << ":\n";
  for (std::size_t i = 0; i < r.game.strategies.size(); ++i)
    std::cout << "  " << std::left << std::setw(static_cast<int>(width)) << r.game.strategies[i]
              << std::right << std::fixed << std::setprecision(6) << std::setw(10)
              << r.frequencies.back()[i] << "\n";
}

int run_job(const config::Config& config, const RunOptions& o) {
  std::optional<tbb::global_control> limit;
  if (o.threads < 0) throw ConfigError("--threads must be >= 0, got " + std::to_string(o.threads));
  if (o.threads > 0)
    limit.emplace(tbb::global_control::max_allowed_parallelism,
                  static_cast<std::size_t>(o.threads));
  jobs::OutputOptions output{.path = o.output, .overwrite = o.force, .resume = o.resume};
  if (output.path.empty()) output.path = config.text("run.output");
  if (output.path.empty())
    output.path = default_output(config.source() == "command line" ? "" : config.source());
  const auto resolve = [](std::string_view list) {
    return strategies::registry().make_players(list);
  };
  const std::string job = config.text("run.job");
  if (o.resume && job != "evolution" && job != "invasion")
    throw ConfigError("--resume applies to jobs evolution and invasion only");
  if (!o.quiet && ::isatty(STDERR_FILENO))
    std::cerr << "kindest: " << job << " -> " << output.path << "\n";
  if (job == "analysis") {
    print_analysis(jobs::run_analysis_job(config, resolve, output));
  } else if (job == "replicator") {
    print_replicator(jobs::run_replicator_job(config, resolve, output));
  } else if (job == "evolution" || job == "invasion") {
    g_stop = false;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    std::optional<jobs::EvolutionOutcome> evolution;
    std::optional<jobs::InvasionOutcome> invasion;
    {
      ProgressLine progress(!o.quiet, "generations");
      const auto report = [&](std::uint64_t d, std::uint64_t t) { progress(d, t); };
      if (job == "evolution")
        evolution = jobs::run_evolution_job(config, resolve, output, report, &g_stop);
      else
        invasion = jobs::run_invasion_job(config, output, report, &g_stop);
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (evolution ? evolution->interrupted : invasion->interrupted) {
      std::cerr << "kindest: interrupted; " << output.path
                << " holds every generation up to the last checkpoint and is marked incomplete.\n"
                   "Continue it with: kindest run CONFIG --resume --output "
                << output.path << "\n";
      return 130;
    }
    if (evolution)
      print_evolution(*evolution);
    else
      print_invasion(*invasion);
  } else {
    tournament::TournamentResult result;
    {
      ProgressLine progress(!o.quiet);
      result = jobs::run_tournament_job(config, resolve, output,
                                        [&](std::uint64_t d, std::uint64_t t) { progress(d, t); });
    }
    print_ranking(result, config);
  }
  std::cout << "Results written to " << output.path << "\n";
  return 0;
}

}  // namespace

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
  std::vector<std::string> overrides;
  po::variables_map vm;
  const auto parsed = po::command_line_parser(args)
                          .options(all)
                          .positional(positional)
                          .style(kStyle)
                          .allow_unregistered()
                          .run();
  for (const auto& opt : parsed.options) {
    if (!opt.unregistered) continue;
    const std::string token =
        opt.original_tokens.empty() ? opt.string_key : opt.original_tokens.front();
    if (token.find('.') != std::string::npos && token.find('=') != std::string::npos)
      overrides.push_back(token);
    else if (token.find('.') != std::string::npos)
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
  std::uint64_t seed = 1;
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
  std::ostringstream noise_text, continuation_text;
  noise_text << std::setprecision(17) << noise;
  continuation_text << std::setprecision(17) << continuation;
  const std::vector<std::string> overrides = {
      "tournament.players=" + players,
      "match.turns=" + std::to_string(turns),
      "match.continuation_probability=" + continuation_text.str(),
      "match.execution_error_rate=" + noise_text.str(),
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
  std::uint64_t population = 100;
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
  std::ostringstream number;
  number << std::setprecision(17);
  auto text = [&](double x) {
    number.str("");
    number << x;
    return number.str();
  };
  std::vector<std::string> overrides = {
      "run.job=analysis",
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
  const bool markdown = !args.empty() && args[0] == "--markdown";
  if (!args.empty() && !markdown) throw ConfigError("kindest strategies takes only --markdown");
  std::cout << (markdown ? strategies_markdown() : strategies_table());
  return 0;
}

int info_command(const std::vector<std::string>& args) {
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
  if (summary.attributes.count("config"))
    std::cout << "\nResolved config:\n" << summary.attributes.at("config");
  return 0;
}

int config_reference_command(const std::vector<std::string>& args) {
  if (!args.empty()) throw ConfigError("kindest config-reference takes no arguments");
  std::cout << config::schema_markdown();
  return 0;
}

}  // namespace kindest::cli
