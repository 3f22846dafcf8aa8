// kindest sweep: a config run over a grid of parameter values x replicates into one file; and
// kindest export: a sweep file's summary as CSV, or one point's config for `kindest run`.

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "engine/cli/commands.hpp"
#include "engine/cli/progress_line.hpp"
#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/number_text.hpp"
#include "engine/core/suggest.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/sweep/run_sweep.hpp"
#include "engine/sweep/sweep_section.hpp"
#include "strategies/registry.hpp"

namespace po = boost::program_options;

namespace kindest::cli {
namespace {

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string number_cell(double v) { return std::isnan(v) ? "" : number_text(v); }

}  // namespace

int sweep_command(const std::vector<std::string>& args) {
  // Under mpirun every rank runs this same command line; rank 0 alone speaks (progress, the
  // closing lines, errors: each rank would find the same ones), so a log holds each line once.
  static struct : std::streambuf {
    int overflow(int c) override { return c; }
  } silent;
  if (sweep::launcher_rank() > 0) {
    std::cerr.rdbuf(&silent);
    std::cout.rdbuf(&silent);
  }
  std::string config_path, output, points_csv;
  std::vector<std::string> vary, zip;
  std::int64_t replicates = 1, threads = 0;
  bool force = false, resume = false, quiet = false, keep_points = false;
  po::options_description desc(
      "kindest sweep CONFIG.ini --vary KEY=V1,V2,... [--vary KEY=START:STOP:COUNT[:log]] "
      "[--zip A,B] [--points FILE.csv] [--replicates R] [--section.key=value ...] [options]\n"
      "Runs the config at every point of the grid (the Cartesian product of the --vary "
      "dimensions), R replicates each, into one HDF5 file (docs/FORMAT.md, /sweep). The "
      "config's [sweep] section may hold the grid: vary, zip, points and replicates lines with "
      "these options' syntax; a --vary of a key it varies replaces that line, other --vary "
      "lines add dimensions, --points and --replicates replace its own. Under mpirun every "
      "rank runs points and rank 0 writes the file.");
  // clang-format off
  desc.add_options()
      ("vary", po::value(&vary)->composing(),
       "a dimension: KEY=V1,V2,... or, for a numeric key, KEY=START:STOP:COUNT[:log] "
       "(COUNT values from START to STOP inclusive, evenly or geometrically spaced)")
      ("zip", po::value(&zip)->composing(),
       "A,B: the --vary dimensions of keys A and B step together (as many values each)")
      ("points", po::value(&points_csv),
       "CSV file of explicit points: a header of keys, one line per point (another dimension)")
      ("replicates", po::value(&replicates)->default_value(1),
       "runs per point, each with its own seed derived from ([run] seed, point, replicate)")
      ("keep-points", po::bool_switch(&keep_points),
       "keep each point's own result file in OUTPUT.points/rNNNNNNNN.h5 (row number)")
      ("output,o", po::value(&output), "sweep file to write; default CONFIG_sweep.h5")
      ("force", po::bool_switch(&force), "overwrite the output file if it exists")
      ("resume", po::bool_switch(&resume),
       "continue an interrupted sweep in the output file (same config, grid and replicates): "
       "whole rows are kept, the rest are run")
      ("threads", po::value(&threads)->default_value(0),
       "worker threads (per MPI rank); 0 = all cores (results do not depend on it)")
      ("quiet,q", po::bool_switch(&quiet), "no progress on stderr")
      ("help,h", "show this help");
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("config", po::value(&config_path));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("config", 1);
  // Base-config overrides (--section.key=value) as for kindest run.
  const auto split = split_overrides(args);
  const auto& overrides = split.overrides;
  const auto& rest = split.rest;
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
    std::vector<std::string> names;
    for (const auto& o : desc.options()) names.push_back("--" + o->long_name());
    const std::string name = token.substr(0, token.find('='));
    throw ConfigError("unknown option '" + name + "'" + did_you_mean(name, names) +
                      "; see kindest sweep --help");
  }
  po::variables_map vm;
  po::store(parsed, vm);
  if (vm.count("help")) {
    std::cout << desc
              << "\nExample:\n  kindest sweep experiments/imhof_fudenberg_nowak_2007.ini "
                 "--vary game.benefit=1.5:6:10 \\\n      --vary "
                 "match.execution_error_rate=0.001:0.1:5:log --replicates 2 -o ifn.h5\n"
                 "  kindest export ifn.h5 --csv > ifn.csv       # the tidy summary\n"
                 "  kindest export ifn.h5 --point-config 7 > p7.ini && kindest run p7.ini  "
                 "# row 7 alone\n";
    return 0;
  }
  po::notify(vm);
  if (config_path.empty())
    throw ConfigError("kindest sweep needs a config file; see kindest sweep --help");
  if (replicates < 1)
    throw ConfigError("sweep error: --replicates = " + std::to_string(replicates) +
                      " is outside [1, 2^32)");
  if (threads < 0) throw ConfigError("--threads must be >= 0, got " + std::to_string(threads));
  if (force && resume) throw ConfigError("--force and --resume exclude each other");
  // The config file's [sweep] section, with the command line's specs (sweep_section.hpp).
  if (!std::filesystem::is_regular_file(config_path))
    config::load_config(config_path);  // throws the loader's message for what is wrong
  std::ifstream config_file(config_path, std::ios::binary);
  const std::string config_text((std::istreambuf_iterator<char>(config_file)),
                                std::istreambuf_iterator<char>());
  const bool replicates_given = !vm["replicates"].defaulted();
  const auto specs = sweep::merge_command_line(
      sweep::read_sweep_section(config_text, config_path), vary, zip, points_csv,
      replicates_given ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(replicates))
                       : std::nullopt);
  replicates = static_cast<std::int64_t>(specs.replicates.value_or(1));
  const auto base = config::load_config_text(specs.config_text, config_path, overrides);
  const auto grid = sweep::make_grid(specs.vary, specs.zip, specs.points);
  if (output.empty()) output = std::filesystem::path(config_path).stem().string() + "_sweep.h5";
  const sweep::SweepOptions options{.output = output,
                                    .overwrite = force,
                                    .resume = resume,
                                    .keep_points = keep_points,
                                    .replicates = static_cast<std::size_t>(replicates),
                                    .threads = static_cast<std::size_t>(threads)};
  if (!quiet)
    std::cerr << "kindest: sweep of " << grid.size() << " points x " << replicates
              << " replicates -> " << output << "\n";
  sweep::SweepResult result;
  const auto t0 = std::chrono::steady_clock::now();
  {
    const sweep::Ranks ranks;  // joins the MPI job under mpirun or srun
    if (!quiet && ranks.size() > 1)
      std::cerr << "kindest: " << ranks.size() << " MPI ranks, rank 0 writes the file\n";
    StopOnSignal signals(true);
    ProgressLine progress(!quiet, "rows");
    result = sweep::run_sweep(
        base, grid, options,
        [](std::string_view list) { return strategies::registry().make_players(list); },
        [&](std::uint64_t d, std::uint64_t t) { progress(d, t); }, StopOnSignal::flag(), &ranks);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!quiet)
    std::cerr << "kindest: " << result.rows - result.skipped << " rows in " << std::fixed
              << std::setprecision(2) << seconds << " s"
              << (result.skipped ? " (" + std::to_string(result.skipped) + " done before)" : "")
              << "\n";
  if (result.interrupted) {
    std::cerr << "kindest: interrupted; " << output << " holds " << result.rows
              << " whole rows and is marked incomplete.\nContinue it with the same command and "
                 "--resume\n";
    return 130;
  }
  std::cout << "Sweep of " << grid.size() * options.replicates << " rows written to " << output
            << "\n";
  if (result.failed) {
    std::cerr << "kindest: " << result.failed
              << " rows failed: their jobs refused the config (/sweep/failures has why)\n";
    return 1;
  }
  return 0;
}

int export_command(const std::vector<std::string>& args) {
  std::string path, output;
  bool csv = false;
  std::int64_t point_row = -1;
  po::options_description desc(
      "kindest export SWEEP.h5 (--csv [-o FILE.csv] | --point-config ROW)\n"
      "A sweep file's summary as one tidy CSV table (one line per row x outcome value), or "
      "the full config of one row for `kindest run`");
  // clang-format off
  desc.add_options()
      ("csv", po::bool_switch(&csv), "the summary as CSV")
      ("output,o", po::value(&output), "write to this file instead of stdout")
      ("point-config", po::value(&point_row),
       "print the resolved config of row ROW of /sweep/points (its values and seed)")
      ("help,h", "show this help");
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("file", po::value(&path));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).style(kStyle).run(),
            vm);
  if (vm.count("help")) {
    std::cout << desc;
    return 0;
  }
  po::notify(vm);
  if (path.empty()) throw ConfigError("kindest export needs a sweep file; see --help");
  if (csv == (point_row >= 0))
    throw ConfigError("kindest export needs exactly one of --csv and --point-config ROW");
  const auto attributes = record::read_attributes(path);
  if (!attributes.count("job") || attributes.at("job") != "sweep")
    throw FileError("'" + path + "' is no sweep file (job = " +
                    (attributes.count("job") ? attributes.at("job") : "?") + ")");
  const auto keys = record::read_strings(path, "/sweep/keys");
  const auto values = record::read_strings(path, "/sweep/points/value");
  const auto seed = record::read_numbers(path, "/sweep/points/seed");
  std::ofstream file;
  if (!output.empty()) {
    file.open(output);
    if (!file) throw FileError("cannot write '" + output + "'");
  }
  std::ostream& out = output.empty() ? std::cout : file;
  if (point_row >= 0) {
    const auto row = static_cast<std::size_t>(point_row);
    if (row >= seed.size())
      throw ConfigError("--point-config " + std::to_string(row) + " is outside [0, " +
                        std::to_string(seed.size()) + ") (rows of /sweep/points in " + path + ")");
    std::vector<std::string> overrides;
    for (std::size_t k = 0; k < keys.size(); ++k)
      overrides.push_back(keys[k] + "=" + values[row * keys.size() + k]);
    overrides.push_back("run.seed=" + number_text(seed[row]));
    overrides.push_back("run.output=");
    out << config::load_config_text(attributes.at("config"), path, overrides).to_ini();
    return 0;
  }
  const auto point = record::read_numbers(path, "/sweep/points/point");
  const auto replicate = record::read_numbers(path, "/sweep/points/replicate");
  const auto status = record::read_numbers(path, "/sweep/points/status");
  const auto summary_row = record::read_numbers(path, "/sweep/summary/row");
  const auto column = record::read_numbers(path, "/sweep/summary/column");
  const auto value = record::read_numbers(path, "/sweep/summary/value");
  const auto table = record::read_strings(path, "/sweep/columns/table");
  const auto measure = record::read_strings(path, "/sweep/columns/measure");
  const auto strategy = record::read_strings(path, "/sweep/columns/strategy");
  out << "row,point,replicate,seed,status";
  for (const auto& k : keys) out << "," << csv_cell(k);
  out << ",table,measure,strategy,value\n";
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto r = static_cast<std::size_t>(summary_row[i]);
    const auto c = static_cast<std::size_t>(column[i]);
    out << r << "," << number_text(point[r]) << "," << number_text(replicate[r]) << ","
        << number_text(seed[r]) << "," << number_text(status[r]);
    for (std::size_t k = 0; k < keys.size(); ++k)
      out << "," << csv_cell(values[r * keys.size() + k]);
    out << "," << csv_cell(table[c]) << "," << csv_cell(measure[c]) << "," << csv_cell(strategy[c])
        << "," << number_cell(value[i]) << "\n";
  }
  return 0;
}

}  // namespace kindest::cli
