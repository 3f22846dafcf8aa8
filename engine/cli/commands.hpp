#pragma once
// One function per `kindest` subcommand; each takes the arguments after the command name and
// returns the exit code. User errors are thrown (ConfigError, StrategyError, FileError).
#include <atomic>
#include <string>
#include <vector>

#include <boost/program_options/parsers.hpp>

namespace kindest::cli {

/// Boost's default accepts unambiguous prefixes (--rep for --repetitions); a typo should be an
/// error with a suggestion instead. Every subcommand parses with this style.
inline constexpr int kStyle = boost::program_options::command_line_style::default_style &
                              ~boost::program_options::command_line_style::allow_guessing;

int run_command(const std::vector<std::string>& args);
int tournament_command(const std::vector<std::string>& args);
int analyze_command(const std::vector<std::string>& args);
int strategies_command(const std::vector<std::string>& args);
int info_command(const std::vector<std::string>& args);
int config_reference_command(const std::vector<std::string>& args);
int norms_command(const std::vector<std::string>& args);
int jobs_command(const std::vector<std::string>& args);
int sweep_command(const std::vector<std::string>& args);
int export_command(const std::vector<std::string>& args);

/// SIGINT / SIGTERM ask a running job (or sweep) to stop while one of these lives: the flag is
/// set, and a second signal ends the process at once (commands.cpp says why).
class StopOnSignal {
 public:
  explicit StopOnSignal(bool enabled);
  ~StopOnSignal();
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;
  /// The flag the handlers set.
  static const std::atomic<bool>* flag();

 private:
  bool enabled_;
};

/// Config overrides (--section.key=value) taken out of a command line before Boost sees the
/// rest: Boost refuses an empty value after '=', and `--population.initial_counts=` is how a
/// user clears a key that a config file sets.
struct Overrides {
  std::vector<std::string> overrides;  // "--section.key=value", in order
  std::vector<std::string> rest;
};
Overrides split_overrides(const std::vector<std::string>& args);

/// Every job of the registry with its description, what it reads and writes (for --help too).
std::string jobs_listing();

}  // namespace kindest::cli
