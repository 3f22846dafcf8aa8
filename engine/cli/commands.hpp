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

}  // namespace kindest::cli
