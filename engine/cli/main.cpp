// kindest: the command line. Parses arguments, wires config -> job -> file, prints tables and
// progress. Every user error ends here as one line on stderr and a non-zero exit.
#include <boost/program_options.hpp>
#include <iostream>

#include "engine/cli/commands.hpp"
#include "engine/core/errors.hpp"
#include "engine/core/suggest.hpp"
#include "engine/core/version.hpp"

namespace po = boost::program_options;
using namespace kindest;

namespace {

constexpr const char* kUsage = R"USAGE(kindest -- a research engine for evolutionary game theory

Usage:
  kindest run CONFIG.ini [--section.key=value ...] [options]
      Run the job a config describes (see docs/CONFIG.md, experiments/). Any config key can be
      overridden, e.g. --match.execution_error_rate=0.05 --run.seed=7.
  kindest tournament --players A,B,C [--turns N | --continuation W] [options]
      Quick round robin without a config file.
  kindest analyze (--matrix "a,b;c,d" | --strategies A,B,...) --population Z --process fermi
      Exact small-mutation limit: fixation probabilities, stationary distribution.
  kindest strategies [--markdown] [--memory N] [--deterministic|--stochastic] [--group G]
      List every strategy, family and @group (player lists accept @group, e.g.
      --players @second_tournament); filters keep memory depth <= N, one kind, one group.
  kindest info FILE.h5
      Show what a result file holds: attributes, datasets, shapes, dtypes.
  kindest norms
      List the social norms of indirect reciprocity: names, codes, verdicts, sources.
  kindest jobs [--markdown]
      List every job ([run] job): what it does, reads and writes (docs/JOBS.md).
  kindest config-reference
      Print the reference of every config key (docs/CONFIG.md).
  kindest sweep CONFIG.ini --vary KEY=V1,V2,... [--vary KEY=START:STOP:COUNT[:log]] [--replicates R]
      Run a config over a grid of parameter values x replicates into one file (threads,
      --resume); kindest export SWEEP.h5 --csv gives its summary as one tidy table.

Run `kindest COMMAND --help` for a command's options.

Jobs ([run] job in a config; resumable ones checkpoint on Ctrl-C and continue with --resume):
@JOBS@
Examples:
  kindest run experiments/imhof_fudenberg_nowak_2005.ini --run.job=evolution
  kindest run experiments/axelrod_1980.ini
  kindest run experiments/nowak_sigmund_1993_wsls.ini --invasion.replicates=8
  kindest run experiments/axelrod_1980.ini --match.execution_error_rate=0.01 --output noisy.h5
  kindest tournament --players TitForTat,Grudger,Defector,"Cycler(CCD)" --turns 200 \
      --repetitions 5 --noise 0.05 --seed 1 --output small.h5
  kindest analyze --strategies ALLC,ALLD,TFT,WSLS --noise 0.01 --population 100 --intensity 1
)USAGE";

int fail(const std::string& message, int code) {
  std::cerr << "kindest: " << message << "\n";
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::string usage = kUsage;
    usage.replace(usage.find("@JOBS@\n"), 7, cli::jobs_listing());
    std::cout << usage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "kindest " << engine_version << " (" << git_hash() << ")\n";
    return 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    const std::vector<std::string> commands = {
        "run",  "tournament", "analyze", "strategies", "info", "config-reference",
        "jobs", "norms",      "sweep",   "export"};
    if (command == "run") return cli::run_command(args);
    if (command == "tournament") return cli::tournament_command(args);
    if (command == "analyze") return cli::analyze_command(args);
    if (command == "strategies") return cli::strategies_command(args);
    if (command == "info") return cli::info_command(args);
    if (command == "config-reference") return cli::config_reference_command(args);
    if (command == "jobs") return cli::jobs_command(args);
    if (command == "norms") return cli::norms_command(args);
    if (command == "sweep") return cli::sweep_command(args);
    if (command == "export") return cli::export_command(args);
    return fail("unknown command '" + command + "'" + did_you_mean(command, commands) +
                    "; run `kindest --help`",
                2);
  } catch (const ConfigError& e) {
    return fail(e.what(), 2);
  } catch (const StrategyError& e) {
    return fail(e.what(), 2);
  } catch (const ModelError& e) {
    // Jobs translate model errors into the key that set the parameter; this is the safety net.
    return fail(std::string("model error: ") + e.what(), 2);
  } catch (const FileError& e) {
    return fail(e.what(), 1);
  } catch (const po::error& e) {
    return fail(e.what(), 2);
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what(), 3);
  }
}
