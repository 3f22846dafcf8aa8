#pragma once
// The [sweep] section of a config file: the grid a sweep runs, so that one file and one command
// (`kindest sweep FILE.ini`) run it. Its lines have the command line's syntax:
//
//   [sweep]
//   vary = game.benefit=1.2:6:25                   # one dimension per line, as --vary
//   vary = match.execution_error_rate=0.001:0.1:7:log
//   zip = game.benefit,game.cost                   # as --zip
//   points = points.csv                            # as --points; relative to the config's folder
//   replicates = 2                                 # as --replicates
//
// The section is the sweep's, not the model's: it is taken out of the text before the config
// is loaded (its lines left blank, so that messages keep their line numbers), and the file
// stores the base config without it. On the command line, a --vary of a key the section
// varies replaces the section's dimension in its place; other --vary dimensions come after the
// section's; --zip adds to the section's zips; --points and --replicates replace its own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/sweep/grid.hpp"

namespace kindest::sweep {

struct SweepSection {
  std::string config_text;  // the file without its [sweep] lines, for config::load_config_text
  std::vector<Spec> vary, zip;
  Spec points;                              // text empty: none
  std::optional<std::uint64_t> replicates;  // unset: none given
};

/// Splits `text` (the config file at `source`) into its [sweep] section and the rest. Throws
/// ConfigError naming file, line, key and value for an unknown key, an empty value, a second
/// points or replicates line, or replicates outside [1, 2^32).
SweepSection read_sweep_section(const std::string& text, const std::string& source);

/// The specs a sweep runs: the section's with the command line's (see above); make_grid checks
/// them.
SweepSection merge_command_line(SweepSection section, const std::vector<std::string>& vary,
                                const std::vector<std::string>& zip, const std::string& points,
                                std::optional<std::uint64_t> replicates);

}  // namespace kindest::sweep
