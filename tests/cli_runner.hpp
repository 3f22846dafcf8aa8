#pragma once
// Runs the real `kindest` binary, capturing exit code, stdout and stderr.
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "temp_dir.hpp"

namespace kindest::testing {

struct CliResult {
  int code;
  std::string out, err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// `command` is passed to the shell as written (a program and its arguments).
inline CliResult run_command(const std::string& command) {
  TempDir capture;
  const std::string cmd =
      command + " >" + capture.file("out") + " 2>" + capture.file("err") + " </dev/null";
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(capture.file("out")),
          slurp(capture.file("err"))};
}

/// `args` is passed to the shell as written, so quote where needed.
inline CliResult run_cli(const std::string& args) {
  return run_command(std::string(KINDEST_CLI) + " " + args);
}

}  // namespace kindest::testing
