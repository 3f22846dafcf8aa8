#pragma once
// One function per `kindest` subcommand; each takes the arguments after the command name and
// returns the exit code. User errors are thrown (ConfigError, StrategyError, FileError).
#include <string>
#include <vector>

namespace kindest::cli {

int run_command(const std::vector<std::string>& args);
int tournament_command(const std::vector<std::string>& args);
int analyze_command(const std::vector<std::string>& args);
int strategies_command(const std::vector<std::string>& args);
int info_command(const std::vector<std::string>& args);
int config_reference_command(const std::vector<std::string>& args);
int norms_command(const std::vector<std::string>& args);
int jobs_command(const std::vector<std::string>& args);

/// Every job of the registry with its description, what it reads and writes (for --help too).
std::string jobs_listing();

}  // namespace kindest::cli
